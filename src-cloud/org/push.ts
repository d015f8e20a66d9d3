// POST /v1/mutations: validates a whole push first (nothing applies if any mutation is malformed),
// then applies each mutation once, in order, each in its own transaction. Old names are read as
// today's (src-shared/org/legacy-mutations.ts).
import { AppError } from '../../src-shared/errors.ts';
import { answerAs, isKnownMutation, readMutation } from '../../src-shared/org/legacy-mutations.ts';
import type { PushRequest, PushResponse } from '../../src-shared/org/mutations.ts';
import { runOperation, type OrgRuntime } from './run.ts';

export async function applyPush(
  rt: OrgRuntime,
  accountId: string,
  body: PushRequest,
): Promise<PushResponse> {
  const checked = body.mutations.map((m) => {
    if (!isKnownMutation(m.name))
      throw new AppError(
        'bad_request',
        `Unknown mutation "${m.name}" (id ${m.id}); nothing was applied.`,
      );
    // An outbox written by an older desktop may hold the old names: read as today's here.
    return { id: m.id, ...readMutation(m.name, m.args, `args of mutation ${m.id} (${m.name})`) };
  });
  const owner = await rt.db
    .selectFrom('sync_clients')
    .select('account_id')
    .where('client_id', '=', body.clientId)
    .executeTakeFirst();
  if (owner && owner.account_id !== accountId)
    throw new AppError(
      'forbidden',
      'This client id belongs to another account; use a client id of your own.',
    );
  const results = [];
  for (const m of checked) {
    const { result } = await runOperation(rt, accountId, m.name, m.args as never, 'mutation', {
      clientId: body.clientId,
      mutationId: m.id,
    });
    results.push(answerAs(m.legacy, result));
  }
  const last = await rt.db
    .selectFrom('sync_clients')
    .select('last_mutation_id')
    .where('client_id', '=', body.clientId)
    .executeTakeFirst();
  return { results, lastMutationId: last?.last_mutation_id ?? 0 };
}
