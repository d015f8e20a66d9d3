// The rooms of ARCHITECTURE.md hold: lint refuses imports that cross them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

const cases: Array<{ file: string; code: string; refused: boolean; why: string }> = [
  {
    file: 'src-renderer/views/Probe.tsx',
    code: "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    refused: true,
    why: 'renderer imports a Node module',
  },
  {
    file: 'src-renderer/views/Probe.tsx',
    code: "import fs from 'fs';\nexport const x = fs;\n",
    refused: true,
    why: 'renderer imports a bare Node module name',
  },
  {
    file: 'src-renderer/views/Probe.tsx',
    code: "import { paths } from '../../src-main/paths.ts';\nexport const x = paths;\n",
    refused: true,
    why: 'renderer imports src-main',
  },
  {
    file: 'src-renderer/views/Probe.tsx',
    code: "import Database from 'better-sqlite3';\nexport const x = Database;\n",
    refused: true,
    why: 'renderer imports an I/O package',
  },
  {
    file: 'src-renderer/views/Probe.tsx',
    code: "import type { ClmBridge } from '../../src-shared/bridge/contract.ts';\nexport type X = ClmBridge;\n",
    refused: false,
    why: 'renderer imports the shared contract',
  },
  {
    file: 'src-main/store/probe.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
    refused: true,
    why: 'electron imported outside src-main/electron',
  },
  {
    file: 'src-main/store/probe.ts',
    code: "const electron = require('electron');\nexport const x = electron;\n",
    refused: true,
    why: 'electron required outside src-main/electron',
  },
  {
    file: 'src-cloud/probe.ts',
    code: "export const load = () => import('electron');\n",
    refused: true,
    why: 'electron imported dynamically outside src-main/electron',
  },
  {
    file: 'src-renderer/probe.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;\n",
    refused: true,
    why: 'renderer imports electron',
  },
  {
    file: 'src-main/electron/probe.ts',
    code: "import { app } from 'electron';\nexport const x = app;\n",
    refused: false,
    why: 'src-main/electron imports electron',
  },
  {
    file: 'src-preload/probe.ts',
    code: "import { contextBridge } from 'electron';\nexport const x = contextBridge;\n",
    refused: false,
    why: 'the preload imports electron',
  },
  {
    file: 'src-shared/probe.ts',
    code: "import { createHash } from 'node:crypto';\nexport const x = createHash;\n",
    refused: true,
    why: 'src-shared does I/O-capable imports',
  },
  {
    file: 'src-cloud/probe.ts',
    code: "import { defaultDataDir } from '../src-main/paths.ts';\nexport const x = defaultDataDir;\n",
    refused: true,
    why: 'the cloud imports the desktop',
  },
];

for (const c of cases) {
  test(`lint ${c.refused ? 'refuses' : 'allows'}: ${c.why}`, async () => {
    const errors = await importErrors(c.file, c.code);
    if (c.refused) assert.ok(errors.length > 0, `expected a lint error for ${c.file}`);
    else assert.deepEqual(errors, []);
  });
}
