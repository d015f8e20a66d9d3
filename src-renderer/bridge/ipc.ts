// The bridge under Electron: the preload exposes the typed contract as `window.clm`.
import type { ClmBridge } from '../../src-shared/bridge/contract.ts';

declare global {
  interface Window {
    clm?: ClmBridge;
  }
}

export function electronBridge(): ClmBridge | null {
  return typeof window !== 'undefined' && window.clm ? window.clm : null;
}
