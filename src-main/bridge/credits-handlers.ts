// Handlers of cloud credits and the simulated render farm.
import type { BridgeHandlers } from '../../src-shared/bridge/contract.ts';
import type { creditCalls } from '../../src-shared/bridge/calls/credits.ts';
import type { Core } from '../core/core.ts';
import { creditsOverview } from '../credits/overview.ts';
import { renderCancel, renderQuote, renderSubmit, setCreditAlert } from '../credits/render.ts';

export type CreditCallName = keyof typeof creditCalls;

export function creditHandlers(core: Core): Pick<BridgeHandlers, CreditCallName> {
  return {
    'credits.overview': () => creditsOverview(core),
    'render.quote': (scene) => renderQuote(core, scene),
    'render.submit': (scene) => renderSubmit(core, scene),
    'render.cancel': ({ jobId }) => renderCancel(core, jobId),
    'credits.setAlert': ({ threshold }) => setCreditAlert(core, threshold),
  };
}
