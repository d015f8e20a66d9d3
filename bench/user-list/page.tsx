// Bench page: the real UserDirectory over a store already holding N users; measures first render
// and search keystrokes to the next painted frame (rAF, then a message task after the frame).
import { createRoot, type Root } from 'react-dom/client';
import '../../src-renderer/styles/base.css';
import '../../src-renderer/styles/components.css';
import '../../src-renderer/styles/views.css';
import '../../src-renderer/styles/organization.css';
import { useOrg } from '../../src-renderer/views/organization/orgStore.ts';
import { useOrgList } from '../../src-renderer/views/organization/orgListStore.ts';
import { noActions } from '../../src-renderer/views/organization/actions.ts';
import { UserDirectory } from '../../src-renderer/views/organization/UserDirectory.tsx';
import { NO_FILTER } from '../../src-renderer/views/organization/userFilter.ts';
import { generateUsers } from './rows.ts';

/** Resolves after the frame that follows now has been produced. */
function painted(): Promise<number> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => resolve(performance.now());
      ch.port2.postMessage(null);
    }),
  );
}

let root: Root | null = null;
const keystrokes: number[] = [];

const api = {
  async mount(n: number, pageSize: number): Promise<{ ms: number; rows: number }> {
    useOrg.setState({ status: 'ready', users: generateUsers(n), purchases: [], invitations: [] });
    useOrgList.setState({ filter: NO_FILTER, page: 0, pageSize, selected: new Set() });
    await painted();
    performance.mark('orglist-render-start');
    const t0 = performance.now();
    root = createRoot(document.getElementById('root') as HTMLElement);
    root.render(<UserDirectory actions={noActions} />);
    const t1 = await painted();
    performance.mark('orglist-render-painted');
    return { ms: t1 - t0, rows: document.querySelectorAll('[role="row"][data-user]').length };
  },

  /**
   * Times real keystrokes (sent by Playwright through the browser's input pipeline): from the key
   * event's timeStamp, when the browser received it, to the frame that shows the filtered list.
   */
  armKeystrokes(): void {
    const input = document.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;
    let down = 0;
    input.addEventListener('keydown', (e) => (down = e.timeStamp));
    // Registered after React's root listener, so it runs once the list has re-rendered.
    document.addEventListener('input', () => {
      const t0 = down;
      void painted().then((t) => keystrokes.push(t - t0));
    });
    input.focus();
  },

  async keystrokes(count: number): Promise<number[]> {
    while (keystrokes.length < count) await painted();
    return keystrokes.splice(0, keystrokes.length);
  },

  async clear(): Promise<void> {
    const input = document.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (
      this: HTMLInputElement,
      v: string,
    ) => void;
    setValue.call(input, '');
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await painted();
  },

  /** A frame with no work of ours: what "to the painted frame" costs by itself. */
  async idleFrames(n: number): Promise<number[]> {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      await painted();
      const t0 = performance.now();
      times.push((await painted()) - t0);
    }
    return times;
  },

  /** Keystrokes timed to the updated, laid-out DOM (no frame wait): our work alone. */
  async typeSync(text: string): Promise<number[]> {
    const input = document.querySelector<HTMLInputElement>(
      'input[type="search"]',
    ) as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set as (
      this: HTMLInputElement,
      v: string,
    ) => void;
    const times: number[] = [];
    for (const ch of text) {
      await painted();
      const t0 = performance.now();
      setValue.call(input, input.value + ch);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      void document.body.offsetHeight;
      times.push(performance.now() - t0);
    }
    return times;
  },

  summary(): string {
    return document.querySelector('.org-pager-count')?.textContent ?? '';
  },
};

(window as unknown as { orglist: typeof api }).orglist = api;
document.title = 'ready';
