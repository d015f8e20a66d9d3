// A seed account carries a clear password (hashed on load) or a precomputed scrypt hash, never both.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { startCloudServer } from '../../src-cloud/server.ts';
import { demoSeed, startTestCloud } from './helpers.ts';

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

interface SeedAccount {
  email: string;
  password?: string;
  passwordHash?: string;
}
function seedWith(edit: (accounts: SeedAccount[]) => void): string {
  const seed = JSON.parse(readFileSync(demoSeed, 'utf8')) as { accounts: SeedAccount[] };
  edit(seed.accounts);
  const dir = mkdtempSync(join(tmpdir(), 'clm-seed-'));
  dirs.push(dir);
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify(seed));
  return file;
}

test('the demo seed ships hashes only, and its accounts sign in with the demo password', async () => {
  const seed = JSON.parse(readFileSync(demoSeed, 'utf8')) as { accounts: SeedAccount[] };
  assert.ok(seed.accounts.every((a) => a.passwordHash && a.password === undefined));
  const cloud = await startTestCloud();
  try {
    const answer = await cloud.signIn('admin@northwind.example', 'demo1234');
    assert.ok(answer.accessToken);
  } finally {
    await cloud.close();
  }
});

test('a clear password in a seed is hashed on load and signs in', async () => {
  const file = seedWith((accounts) => {
    const first = accounts[0] as SeedAccount;
    delete first.passwordHash;
    first.password = 'another-secret';
  });
  const cloud = await startTestCloud({ seed: file });
  try {
    await cloud.signIn('admin@northwind.example', 'another-secret');
    const stored = cloud.snapshot();
    assert.ok(!stored.includes('another-secret'), 'the clear password is never stored');
  } finally {
    await cloud.close();
  }
});

test('an account with both a password and a hash is refused with a clear reason', async () => {
  const file = seedWith((accounts) => {
    (accounts[0] as SeedAccount).password = 'demo1234';
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'clm-cloud-'));
  dirs.push(dataDir);
  await assert.rejects(startCloudServer({ port: 0, dataDir, seedFile: file }), {
    message: /admin@northwind\.example needs exactly one of "password" and "passwordHash"/,
  });
});
