// The render form's quote: who the job renders as, its estimate and whether it may start, asked
// from the cloud each time the scene or frame count changes; nothing is uploaded.
import { messageOf } from '../../stores/errors.ts';
import { useEffect, useState } from 'react';
import type { RenderQuote } from '../../../src-shared/cloud-api/credits.ts';
import type { SceneInfo } from '../../../src-shared/credits/rules.ts';
import { request } from '../../bridge/index.ts';

export type QuoteState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'error'; message: string }
  | { kind: 'ready'; quote: RenderQuote };

export function useRenderQuote(scene: SceneInfo | null, version: number): QuoteState {
  const [state, setState] = useState<QuoteState>({ kind: 'idle' });
  const key = scene ? `${scene.name}|${scene.sizeBytes}|${scene.frames}` : '';
  useEffect(() => {
    if (!scene) return setState({ kind: 'idle' });
    let live = true;
    setState({ kind: 'loading' });
    request('render.quote', scene).then(
      (quote) => live && setState({ kind: 'ready', quote }),
      (err: unknown) => live && setState({ kind: 'error', message: messageOf(err) }),
    );
    return () => {
      live = false;
    };
    // The scene is compared by its key; `version` asks again after a submission.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, version]);
  return state;
}
