// The app's own reading of an update feed (electron-updater's generic provider format: version,
// files[{url, sha512, size}], path, sha512, releaseDate) and of where an update stands.

export type UpdateState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'current'; version: string }
  | { phase: 'downloading'; version: string; percent: number }
  | { phase: 'downloaded'; version: string }
  | { phase: 'failed'; message: string };

const SEMVER = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

/** -1, 0 or 1 as semantic versions order `a` and `b`; null when either is not a version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 | null {
  const ma = SEMVER.exec(a.trim());
  const mb = SEMVER.exec(b.trim());
  if (!ma || !mb) return null;
  for (let i = 1; i <= 3; i++) {
    const d = Number(ma[i]) - Number(mb[i]);
    if (d !== 0) return d > 0 ? 1 : -1;
  }
  return comparePre(ma[4], mb[4]);
}

/** A pre-release sorts before its release; identifiers compare numerically or as text. */
function comparePre(a: string | undefined, b: string | undefined): -1 | 0 | 1 {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x) ? Number(x) : null;
    const ny = /^\d+$/.test(y) ? Number(y) : null;
    if (nx !== null && ny !== null) return nx > ny ? 1 : -1;
    if (nx !== null) return -1;
    if (ny !== null) return 1;
    return x > y ? 1 : -1;
  }
  return 0;
}

/** True when the feed offers a version newer than the running one. */
export function isNewerVersion(running: string, offered: string): boolean {
  return compareVersions(offered, running) === 1;
}

export function describeUpdate(state: UpdateState): string | null {
  switch (state.phase) {
    case 'idle':
      return null;
    case 'checking':
      return 'Checking for updates…';
    case 'current':
      return `Up to date (${state.version})`;
    case 'downloading':
      return `Downloading update ${state.version} (${Math.round(state.percent)}%)`;
    case 'downloaded':
      return `Update ${state.version} is ready: restart to install it`;
    case 'failed':
      return `Update check failed: ${state.message}`;
  }
}
