// Runs one bench module in its own process and prints its results as one JSON line.
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Bench, BenchResult } from './lib.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: run-one.ts <bench file>');
const mod = (await import(pathToFileURL(resolve(file)).href)) as { default: Bench };
const results: BenchResult[] = await mod.default();
process.stdout.write(`\n@@results ${JSON.stringify(results)}\n`);
process.exit(0);
