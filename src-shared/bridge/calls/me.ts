// Bridge calls of the signed-in user's own side: their organization, products, credits, notices.
import Type from 'typebox';
import { call, NoInput } from '../define.ts';
import type { MarkReadResult, MeOverview, NotificationsList } from '../../domain/me.ts';
import type { QueuedChange } from '../../domain/org.ts';
import { MarkNotificationsReadArgs, RequestCreditsArgs } from '../../org/mutations.ts';

export const MeRequestCreditsInput = RequestCreditsArgs;
export const NotificationsMarkReadInput = MarkNotificationsReadArgs;
export const NotificationsListInput = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
  { additionalProperties: false },
);

export const meCalls = {
  'me.overview': call<MeOverview>()(
    NoInput,
    'The signed-in account: its organization and administrator, products and cloud credits',
  ),
  'me.requestCredits': call<QueuedChange>()(
    MeRequestCreditsInput,
    'Ask the organization administrator for more cloud credits (queued)',
  ),
  'notifications.list': call<NotificationsList>()(
    NotificationsListInput,
    "The account's notifications, newest first, with the unread count",
  ),
  'notifications.markRead': call<MarkReadResult>()(
    NotificationsMarkReadInput,
    'Mark notifications read: the ids given, or every unread one (queued)',
  ),
};
