// Pick a scene file (only its name and size are read), the frame count, see the quote, submit.
import { messageOf } from '../../stores/errors.ts';
import { useState } from 'react';
import type { SceneInfo } from '../../../src-shared/credits/rules.ts';
import { request } from '../../bridge/index.ts';
import { Banner } from '../../components/Banner.tsx';
import { Button } from '../../components/Button.tsx';
import { QuoteLines } from './QuoteLines.tsx';
import { useRenderQuote } from './useRenderQuote.ts';

export function RenderForm() {
  const [file, setFile] = useState<{ name: string; size: number } | null>(null);
  const [frames, setFrames] = useState(10);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const scene: SceneInfo | null =
    file && frames >= 1 ? { name: file.name, sizeBytes: Math.max(1, file.size), frames } : null;
  const quote = useRenderQuote(scene, version);
  const allowed = quote.kind === 'ready' && quote.quote.allowed;

  async function submit() {
    if (!scene) return;
    setBusy(true);
    try {
      const job = await request('render.submit', scene);
      setOutcome({ ok: true, text: `Rendering ${job.scene} started.` });
    } catch (err) {
      setOutcome({ ok: false, text: messageOf(err) });
    } finally {
      setBusy(false);
      setVersion((v) => v + 1);
    }
  }

  return (
    <section className="card render-form" aria-labelledby="render-form-title">
      <h2 id="render-form-title" className="card-title">
        New render
      </h2>
      <label className="field">
        <span>Scene file</span>
        <input
          type="file"
          aria-label="Scene file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            setFile(f ? { name: f.name, size: f.size } : null);
            setOutcome(null);
          }}
        />
      </label>
      <label className="field">
        <span>Frames</span>
        <input
          type="number"
          min={1}
          max={100000}
          value={frames}
          onChange={(e) => setFrames(Math.floor(Number(e.target.value)))}
        />
      </label>
      <QuoteLines state={quote} />
      {outcome && (
        <Banner
          tone={outcome.ok ? 'success' : 'error'}
          title={outcome.ok ? 'Render started' : 'Not started'}
        >
          {outcome.text}
        </Banner>
      )}
      <Button variant="primary" disabled={!allowed} busy={busy} onClick={() => void submit()}>
        Submit render
      </Button>
    </section>
  );
}
