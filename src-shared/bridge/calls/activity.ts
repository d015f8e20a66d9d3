// Bridge calls of the Organization's activity log and the credit pool's lots (administrators).
import Type from 'typebox';
import { AuditQuery } from '../../cloud-api/org.ts';
import type { ActivityPage, CreditLotsView } from '../../domain/activity.ts';
import { call, NoInput } from '../define.ts';

const filter = AuditQuery.properties;

export const ActivityInput = Type.Object(
  {
    /** An email or part of one: entries whose actor or target matches. */
    user: Type.Optional(filter.user),
    operation: Type.Optional(filter.operation),
    /** The `nextBefore` of the previous page. */
    before: Type.Optional(filter.before),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

export const activityCalls = {
  'org.activity': call<ActivityPage>()(
    ActivityInput,
    "The cloud's audit log of the organization, newest first (needs the cloud)",
  ),
  'org.creditLots': call<CreditLotsView>()(
    NoInput,
    'The organizational credit pool from the replica: lots by expiration date and the total',
  ),
};
