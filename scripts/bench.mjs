// `npm run bench [filter]`: runs every bench/*.bench.ts in its own process, prints a table and
// writes bench/results.json, an array of {name, value, unit, goal, pass}.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filters = process.argv.slice(2);
spawnSync('node', ['scripts/build.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  .sort();
const all = [];
for (const f of files) {
  console.log(`[bench] ${f}`);
  const r = spawnSync(
    'node',
    ['--import', 'tsx', '--expose-gc', 'bench/run-one.ts', join('bench', f)],
    {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const line = (r.stdout || '').split('\n').find((l) => l.startsWith('@@results '));
  if (r.status !== 0 || !line) {
    process.stdout.write(r.stdout || '');
    all.push({ name: f, value: 0, unit: 'error', goal: 'runs', pass: false });
    continue;
  }
  all.push(...JSON.parse(line.slice('@@results '.length)));
}
writeFileSync(join(root, 'bench/results.json'), JSON.stringify(all, null, 2) + '\n');
const w = Math.max(10, ...all.map((r) => r.name.length));
for (const r of all) {
  console.log(
    `${r.pass ? 'PASS' : 'FAIL'}  ${r.name.padEnd(w)}  ${String(r.value).padStart(12)} ${r.unit.padEnd(8)} goal ${r.goal}`,
  );
}
console.log(
  `${all.filter((r) => r.pass).length} passed, ${all.filter((r) => !r.pass).length} failed`,
);
