// Where the desktop app's own update stands, in the status bar (checking, downloading, ready to
// install on restart, or why the check failed). Electron's main sends it; headless never does.
import { useEffect, useState } from 'react';
import { describeUpdate, type UpdateState } from '../../src-shared/update-state.ts';
import { bridge } from '../bridge/index.ts';

export function UpdateStatus() {
  const [state, setState] = useState<UpdateState>({ phase: 'idle' });
  useEffect(() => bridge.on('app.update', setState), []);
  const text = describeUpdate(state);
  if (!text || state.phase === 'current') return null;
  return (
    <span
      className={`status-item${state.phase === 'failed' ? ' status-failed' : ''}`}
      role="status"
    >
      {text}
    </span>
  );
}
