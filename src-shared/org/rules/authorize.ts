// Who may run what: admin operations belong to the organization's one Administrator (docs/requirements.md §3).
import * as msg from '../messages.ts';
import { allowed, rejected, type RuleResult } from '../model.ts';

export function checkAdministrator(isAdministrator: boolean): RuleResult {
  return isAdministrator ? allowed : rejected('not_administrator', msg.NOT_AN_ADMINISTRATOR);
}
