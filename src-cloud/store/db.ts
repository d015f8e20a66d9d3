// Opens the cloud's SQLite store in its data folder (WAL) through Kysely and brings it to the latest migration.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { AppError } from '../../src-shared/errors.ts';
import { migrations } from './migrations/index.ts';
import type { CloudDB } from './tables.ts';

export type Store = Kysely<CloudDB>;

export const DB_FILE = 'cloud.sqlite';

export async function openStore(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(join(dataDir, DB_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<CloudDB>({ dialect: new SqliteDialect({ database: sqlite }) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(migrations) },
  });
  const { error } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    throw new AppError(
      'internal',
      `Cloud database migration failed: ${AppError.from(error).message}`,
    );
  }
  return db;
}
