// Bridge calls of cloud credits and the simulated render farm (docs/credits.md).
import type { RenderQuote } from '../../cloud-api/credits.ts';
import type { CreditBalance } from '../../cloud-api/credits.ts';
import { CreditAlertBody, JobIdBody, SceneBody } from '../../cloud-api/credits.ts';
import type { RenderJobRow } from '../../cloud-api/sync.ts';
import type { CreditsOverview } from '../../domain/credits.ts';
import { call, NoInput } from '../define.ts';

export const RenderSceneInput = SceneBody;
export const RenderCancelInput = JobIdBody;
export const CreditAlertInput = CreditAlertBody;

export const creditCalls = {
  'credits.overview': call<CreditsOverview>()(
    NoInput,
    'Cloud credits from the replica: lots as of the last sync, quota, consumption and render jobs',
  ),
  'render.quote': call<RenderQuote>()(
    RenderSceneInput,
    'Who a render runs as, its estimate and whether it may start; nothing is uploaded (needs the cloud)',
  ),
  'render.submit': call<RenderJobRow>()(
    RenderSceneInput,
    'Start a render on the simulated farm, refused with the reason when credits do not allow it',
  ),
  'credits.setAlert': call<CreditBalance>()(
    CreditAlertInput,
    'Notify the administrator when the pool falls below a threshold, or never (null); needs the cloud',
  ),
  'render.cancel': call<RenderJobRow>()(
    RenderCancelInput,
    'Cancel a rendering job; it is charged for what it used',
  ),
};
