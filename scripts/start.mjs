// `npm start`: builds what is missing, then opens the desktop window where Electron can run,
// and otherwise says why and runs headless mode (`clm serve`) in the foreground.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const passThrough = process.argv.slice(2);

const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--quiet'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

/** The Electron binary's path; electron's index throws when its download was skipped. */
function electronBinary() {
  try {
    const path = createRequire(join(root, 'package.json'))('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

function hasDisplay() {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

const electron = electronBinary();
const electronMain = join(root, 'dist', 'electron', 'main.js');
let why = null;
if (!electron)
  why =
    "Electron's binary is not installed (its download was skipped), so Chaos License Manager starts in headless mode.";
else if (!hasDisplay())
  why =
    'No display is available (DISPLAY and WAYLAND_DISPLAY are unset), so Chaos License Manager starts in headless mode.';
else if (!existsSync(electronMain))
  why =
    'The desktop shell is not built (dist/electron/main.js is missing), so Chaos License Manager starts in headless mode.';

// Headless, the core is this process's child: started as `clm` starts it (src-main/core/launch.ts).
const launch = JSON.parse(readFileSync(join(root, 'src-main', 'core', 'launch.json'), 'utf8'));
const [cmd, args] = why
  ? [process.execPath, [...launch.nodeArgs, join(root, 'dist', 'cli.js'), 'serve', ...passThrough]]
  : [electron, [electronMain, ...passThrough]];
if (why) console.log(why);

const env = why ? { ...process.env, ...launch.env } : process.env;
const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env });
// Ctrl+C reaches the child through the terminal's process group; a plain kill is forwarded.
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
