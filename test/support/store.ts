// Which store the cloud's tests run on (issue 21): SQLite in the data folder by default, or
// PostgreSQL when CLM_TEST_STORE=postgres, at CLM_TEST_PG_URL (set by .ci/run and passed on by
// scripts/test.mjs), each cloud in a fresh schema of its own so runs and tests never collide.
// Tests read the store synchronously (snapshots, counts): on PostgreSQL through psql.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Kysely } from 'kysely';
import { DB_FILE, openStore } from '../../src-cloud/store/db.ts';
import { splitSchema } from '../../src-cloud/store/postgres.ts';
import type { OrgDB } from '../../src-cloud/org/tables.ts';

export const onPostgres = process.env.CLM_TEST_STORE === 'postgres';

/** A fresh PostgreSQL store's URL (its own schema), or null on SQLite. */
export function freshDatabaseUrl(): string | null {
  if (!onPostgres) return null;
  const base = process.env.CLM_TEST_PG_URL;
  if (!base) throw new Error('CLM_TEST_STORE=postgres needs CLM_TEST_PG_URL (see .ci/run)');
  const u = new URL(base);
  u.searchParams.set('schema', `t_${process.pid}_${randomBytes(6).toString('hex')}`);
  return u.toString();
}

/** Where a test cloud keeps its store. */
export interface TestStore {
  dataDir: string;
  databaseUrl: string | null;
}

function psql(databaseUrl: string, statements: string[]): string[] {
  const { url, schema } = splitSchema(databaseUrl);
  const out = execFileSync(
    'psql',
    [
      url,
      '-X',
      '-q',
      '-At',
      '-v',
      'ON_ERROR_STOP=1',
      '-c',
      `SET search_path TO ${schema ?? 'public'}`,
      '-c',
      'SET client_min_messages TO warning',
      ...statements.flatMap((s) => ['-c', s]),
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  return out.split('\n').filter((l) => l !== '');
}

const literal = (v: unknown) =>
  v === null || v === undefined
    ? 'NULL'
    : typeof v === 'number'
      ? String(v)
      : `'${String(v).replaceAll("'", "''")}'`;

/** Runs a read-only query (`?` parameters) on the store, synchronously. */
export function queryStore<T>(store: TestStore, sqlText: string, ...params: unknown[]): T[] {
  if (!store.databaseUrl) {
    const db = new Database(join(store.dataDir, DB_FILE), { readonly: true });
    try {
      return db.prepare(sqlText).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  let i = 0;
  const text = sqlText.replace(/\?/g, () => literal(params[i++]));
  const [json] = psql(store.databaseUrl, [
    // jsonb's text is one line (json_agg's breaks lines between rows).
    `SELECT coalesce(jsonb_agg(q), '[]'::jsonb)::text FROM (${text}) q`,
  ]);
  return JSON.parse(json ?? '[]') as T[];
}

/** Every row of every table, to prove a request changed nothing. */
export function snapshotStore(store: TestStore): string {
  if (!store.databaseUrl) {
    const db = new Database(join(store.dataDir, DB_FILE), { readonly: true });
    try {
      const tables = db
        .prepare("select name from sqlite_master where type = 'table' order by name")
        .all() as Array<{ name: string }>;
      return JSON.stringify(
        tables.map((t) => [t.name, db.prepare(`select * from "${t.name}" order by rowid`).all()]),
      );
    } finally {
      db.close();
    }
  }
  const names = psql(store.databaseUrl, [
    'SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1',
  ]);
  const rows = psql(
    store.databaseUrl,
    names.map(
      (n) => `SELECT coalesce(jsonb_agg(t ORDER BY t::text), '[]'::jsonb)::text FROM "${n}" t`,
    ),
  );
  return JSON.stringify(names.map((n, k) => [n, JSON.parse(rows[k] ?? '[]') as unknown]));
}

/** The store opened from the test itself (e.g. to compact the feed), already migrated. */
export async function openTestStore(store: TestStore): Promise<Kysely<OrgDB>> {
  return (await openStore(store)) as unknown as Kysely<OrgDB>;
}

/** Drops a PostgreSQL test store's schema (the SQLite one goes with its data folder). */
export function dropStore(store: TestStore): void {
  if (!store.databaseUrl) return;
  const { schema } = splitSchema(store.databaseUrl);
  if (schema) psql(store.databaseUrl, [`DROP SCHEMA IF EXISTS ${schema} CASCADE`]);
}
