// Opens the cloud's store through Kysely and brings it to the latest migration: the embedded
// SQLite file in the data folder (WAL) by default, or PostgreSQL with `--database postgres://…`
// when several cloud nodes share one store (docs/cloud-scaling.md).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, SqliteDialect, type Dialect, type Driver } from 'kysely';
import { AppError } from '../../src-shared/errors.ts';
import { migrations } from './migrations/index.ts';
import { postgresDialect } from './postgres.ts';
import type { CloudDB } from './tables.ts';

export type Store = Kysely<CloudDB>;

export const DB_FILE = 'cloud.sqlite';

/** Where the store lives: the data folder's SQLite file, or a PostgreSQL URL. */
export type StoreLocation = { dataDir: string; databaseUrl?: string | null };

function sqliteDialect(dataDir: string): Dialect {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const sqlite = new Database(join(dataDir, DB_FILE));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new ImmediateSqliteDialect({ database: sqlite });
}

/**
 * Transactions begin IMMEDIATE: a deferred one that reads, then writes after another process (a
 * second node, its mailer) wrote meanwhile fails at once with SQLITE_BUSY — busy_timeout cannot
 * help it. Taking the write lock at BEGIN makes it wait its turn instead.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver = super.createDriver();
    driver.beginTransaction = async (connection) => {
      await connection.executeQuery(CompiledQuery.raw('begin immediate'));
    };
    return driver;
  }
}

export async function openStore(where: string | StoreLocation): Promise<Store> {
  const loc = typeof where === 'string' ? { dataDir: where } : where;
  const pg = loc.databaseUrl ? await postgresDialect(loc.databaseUrl) : null;
  const db = new Kysely<CloudDB>({ dialect: pg?.dialect ?? sqliteDialect(loc.dataDir) });
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => Object.fromEntries(migrations) },
    // Migration numbers are reserved per issue (005, 006 …), so a store may have run a later
    // number before an earlier one lands; each migration stands on its own.
    allowUnorderedMigrations: true,
    // Kysely looks for its own tables in every schema unless told which one is the store's.
    ...(pg ? { migrationTableSchema: pg.schema } : {}),
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
