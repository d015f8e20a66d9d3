// Marking the caller's own notifications read; the seq trigger carries the change to their feed.
import { NOTIFICATION_NOT_FOUND, type MutationArgs } from '../../../src-shared/org/mutations.ts';
import { accepted, chunks, type Operation } from './types.ts';

export const markNotificationsRead: Operation<MutationArgs<'markNotificationsRead'>> = {
  admin: false,
  target: (a) =>
    a.ids === undefined
      ? 'every unread notification'
      : a.ids.length === 1
        ? (a.ids[0] as string)
        : `${a.ids.length} notifications`,
  async run(c, { ids }) {
    // A personal matter: it has no place in an organization's audit log.
    c.auditOrganizationId = null;
    const me = c.actor.accountId;
    const unique = ids === undefined ? null : [...new Set(ids)];
    if (unique) {
      let own = 0;
      for (const part of chunks(unique)) {
        const row = await c.tx
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('account_id', '=', me)
          .where('id', 'in', part)
          .executeTakeFirstOrThrow();
        own += Number(row.n);
      }
      // All or nothing: one foreign or unknown id and nothing is marked.
      if (own !== unique.length)
        return {
          status: 'rejected',
          code: 'notification_not_found',
          message: NOTIFICATION_NOT_FOUND,
        };
    }
    const unread = () =>
      c.tx
        .updateTable('notifications')
        .set({ read_at: c.now })
        .where('account_id', '=', me)
        .where('read_at', 'is', null);
    let marked = 0;
    if (unique)
      for (const part of chunks(unique))
        marked += Number(
          (await unread().where('id', 'in', part).executeTakeFirst()).numUpdatedRows,
        );
    else marked = Number((await unread().executeTakeFirst()).numUpdatedRows);
    return accepted({ marked });
  },
};
