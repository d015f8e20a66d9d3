// Loading and error states of a portal view; the portal needs the cloud, and says so offline.
import type { ReactNode } from 'react';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { Skeleton } from '../../components/Skeleton.tsx';
import type { CloudData } from './useCloudData.ts';

interface Props<T> {
  data: CloudData<T>;
  what: string;
  reload: () => void;
  children: (value: T) => ReactNode;
}

export function CloudState<T>({ data, what, reload, children }: Props<T>) {
  if (data.kind === 'loading')
    return (
      <section className="card" aria-busy="true" aria-label={`Loading ${what}`}>
        <Skeleton width="50%" height={16} />
        <Skeleton width="80%" height={14} />
      </section>
    );
  if (data.kind === 'error')
    return (
      <Banner
        tone="error"
        title={`Your ${what} could not be loaded`}
        action={
          <Button size="sm" onClick={reload}>
            Try again
          </Button>
        }
      >
        {data.message} This page needs the cloud: it works again once you are online.
      </Banner>
    );
  return <>{children(data.value)}</>;
}
