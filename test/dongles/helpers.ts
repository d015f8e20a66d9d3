// Test dongles: the emulator configured from test/dongles/fixtures/valid.json (signed with the
// demo vendor key, whose private half lives only in fixtures and demo files), with overrides.
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../src-shared/clock.ts';
import {
  parseEmulatorConfig,
  type EmulatorConfig,
} from '../../src-shared/dongles/emulator-config.ts';
import { EmulatedDongle } from '../../src-main/dongles/emulator.ts';

export const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function config(over: (c: EmulatorConfig) => void = () => undefined): EmulatorConfig {
  const c = parseEmulatorConfig(JSON.parse(readFileSync(join(fixtures, 'valid.json'), 'utf8')));
  over(c);
  return c;
}

export function dongle(clock: Clock, over?: (c: EmulatorConfig) => void): EmulatedDongle {
  return new EmulatedDongle(config(over), clock);
}

/** A fresh data folder, removed when the test ends. */
export function tempDir(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'clm-dongles-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
