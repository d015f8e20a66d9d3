// Reads the demo seed's accounts for the sign-in screen of the embedded demo.
import { readFileSync } from 'node:fs';
import { DemoAccountList } from '../../src-shared/cloud-api/schemas.ts';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import { AppError } from '../../src-shared/errors.ts';
import { problems } from '../../src-shared/schema.ts';

export function readDemoAccounts(seedFile: string): DemoAccount[] {
  let seed: unknown;
  try {
    seed = JSON.parse(readFileSync(seedFile, 'utf8'));
  } catch (err) {
    throw new AppError(
      'internal',
      `Cannot read the demo seed ${seedFile}: ${(err as Error).message}`,
    );
  }
  const list = (seed as { demoAccounts?: unknown } | null)?.demoAccounts ?? [];
  const found = problems(DemoAccountList, list);
  if (found.length) {
    throw new AppError(
      'internal',
      `The demo seed's demoAccounts are malformed: ${found[0]?.message}`,
    );
  }
  return (list as DemoAccount[]).map(({ email, password, name, description }) => ({
    email,
    password,
    name,
    description,
  }));
}
