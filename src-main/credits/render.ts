// The render farm is the cloud's (simulated, docs/credits.md): quote, submit and cancel go to it
// directly — a render cannot start offline — and the job then syncs into the replica.
import type { CreditBalance, RenderQuote } from '../../src-shared/cloud-api/credits.ts';
import type { RenderJobRow } from '../../src-shared/cloud-api/sync.ts';
import type { SceneInfo } from '../../src-shared/credits/rules.ts';
import type { Core } from '../core/core.ts';

export async function renderQuote(core: Core, scene: SceneInfo): Promise<RenderQuote> {
  return (await core.client.credits('renderQuote', scene)) as RenderQuote;
}

export async function renderSubmit(core: Core, scene: SceneInfo): Promise<RenderJobRow> {
  try {
    return (await core.client.credits('submitRender', scene)) as RenderJobRow;
  } finally {
    // The job, its charge or the refusal's notice come down with the next pull.
    core.sync.kick();
  }
}

/** The administrator's low-pool threshold lives in the cloud, which sends the notice. */
export async function setCreditAlert(core: Core, threshold: number | null): Promise<CreditBalance> {
  try {
    return (await core.client.credits('setCreditAlert', { threshold })) as CreditBalance;
  } finally {
    // A pool already below the threshold notifies at once: bring the notice down.
    core.sync.kick();
  }
}

export async function renderCancel(core: Core, jobId: string): Promise<RenderJobRow> {
  try {
    return (await core.client.credits('cancelRender', { jobId })) as RenderJobRow;
  } finally {
    core.sync.kick();
  }
}
