// Data the portal reads from the cloud (subscriptions, store, invoices): loading, error, ready,
// and reloaded after a change or when the replica says the data changed.
import { useCallback, useEffect, useState } from 'react';
import { AppError } from '../../../src-shared/errors.ts';
import { bridge } from '../../bridge/index.ts';

export type CloudData<T> =
  { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; value: T };

export function useCloudData<T>(
  load: () => Promise<T>,
  deps: readonly unknown[] = [],
): { data: CloudData<T>; reload: () => void } {
  const [data, setData] = useState<CloudData<T>>({ kind: 'loading' });
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, deps);
  const reload = useCallback(() => {
    run().then(
      (value) => setData({ kind: 'ready', value }),
      (err: unknown) => setData({ kind: 'error', message: AppError.from(err).message }),
    );
  }, [run]);
  useEffect(() => {
    reload();
    return bridge.on('data.changed', reload);
  }, [reload]);
  return { data, reload };
}

export const errorText = (err: unknown): string => AppError.from(err).message;
