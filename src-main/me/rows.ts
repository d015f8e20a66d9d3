// A feed row as the user sees it: marked pending while a change of it waits in the outbox.

export type Pending<T> = T & { pending?: boolean };

/** A row as the cloud would hold it, without the local `pending` mark. */
export function withoutPending<T extends object>(row: Pending<T>): T {
  const { pending: _pending, ...rest } = row as T & { pending?: boolean };
  return rest as T;
}
