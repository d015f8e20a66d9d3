// electronegativity (Doyensec's Electron security linter) over the desktop shell, in `npm test`:
// every finding must be justified in electronegativity.json, and every justification must still
// match a finding (so the file cannot keep stale excuses).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Finding {
  check: string;
  file: string;
  location: string;
  sample: string;
}

/**
 * The SARIF report electronegativity writes (one write; its CSV report is written twice at once and
 * can come out garbled): each result's rule, file and line:column.
 */
function parseFindings(sarif: string): Finding[] {
  interface Result {
    ruleId: string;
    message?: { text?: string };
    locations?: {
      physicalLocation?: {
        artifactLocation?: { uri?: string };
        region?: { startLine?: number; startColumn?: number };
      };
    }[];
  }
  const report = JSON.parse(sarif) as { runs: { results: Result[] }[] };
  return (report.runs[0]?.results ?? []).map((r) => {
    const at = r.locations?.[0]?.physicalLocation;
    return {
      check: r.ruleId,
      file: at?.artifactLocation?.uri ?? '',
      location: `${at?.region?.startLine ?? 0}:${(at?.region?.startColumn ?? 1) - 1}`,
      sample: r.message?.text ?? '',
    };
  });
}

test('electronegativity finds nothing unjustified in the shell', () => {
  const work = mkdtempSync(join(tmpdir(), 'clm-electronegativity-'));
  try {
    // The shell as the tool expects an app: main process, preload, package.json.
    cpSync(join(root, 'src-main/electron'), join(work, 'app/electron'), { recursive: true });
    cpSync(join(root, 'src-preload'), join(work, 'app/preload'), { recursive: true });
    cpSync(join(root, 'package.json'), join(work, 'app/package.json'));
    const electron = JSON.parse(
      readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'),
    ) as { version: string };
    const out = join(work, 'findings.sarif');
    const bin = join(root, 'node_modules/@doyensec/electronegativity/dist/index.js');
    const run = spawnSync(
      process.execPath,
      [bin, '-i', join(work, 'app'), '-e', electron.version, '-r', '-v', 'false', '-o', out],
      { encoding: 'utf8', timeout: 180_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    const findings = parseFindings(readFileSync(out, 'utf8'));
    const { justified } = JSON.parse(
      readFileSync(join(root, 'electronegativity.json'), 'utf8'),
    ) as {
      justified: Record<string, Record<string, string>>;
    };
    const unjustified = findings.filter((f) => !justified[f.check]?.[f.file]);
    assert.deepEqual(unjustified, [], 'findings without a justification in electronegativity.json');
    for (const [check, files] of Object.entries(justified))
      for (const file of Object.keys(files))
        assert.ok(
          findings.some((f) => f.check === check && f.file === file),
          `electronegativity.json justifies ${check} in ${file}, which no longer occurs`,
        );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
