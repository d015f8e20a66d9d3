// The PostgreSQL side of the store: a `pg` pool for Kysely's PostgresDialect. A URL may name a
// schema (`?schema=NAME`), created when missing, so several stores share one database (tests).
import { PostgresAdapter, PostgresDialect, type Dialect, type Kysely } from 'kysely';
import pg from 'pg';
import { AppError } from '../../src-shared/errors.ts';

// COUNT(*) is BIGINT and SUM/AVG of integers NUMERIC; the store's numbers fit a JS number, and
// every rule compares numbers, as SQLite answers them.
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC)
      return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** The URL without its `schema` parameter, and the schema it named. */
export function splitSchema(url: string): { url: string; schema: string | null } {
  const u = new URL(url);
  const schema = u.searchParams.get('schema');
  u.searchParams.delete('schema');
  if (schema !== null && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    throw new AppError(
      'bad_request',
      `--database: schema "${schema}" must be lower-case letters, digits and _`,
    );
  return { url: u.toString(), schema };
}

export async function postgresDialect(
  databaseUrl: string,
): Promise<{ dialect: Dialect; schema: string }> {
  if (!isPostgresUrl(databaseUrl))
    throw new AppError('bad_request', '--database must be a postgres:// URL');
  const { url, schema } = splitSchema(databaseUrl);
  if (schema) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } catch (err) {
      // Two nodes creating it at once: one wins, the other finds it there.
      if ((err as { code?: string }).code !== '23505') throw err;
    } finally {
      await client.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  return { dialect: new PostgresDialect({ pool }), schema: schema ?? 'public' };
}

/** Which SQL the store speaks: the few places whose SQL must differ ask this. */
export type DialectName = 'sqlite' | 'postgres';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database type
export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}
