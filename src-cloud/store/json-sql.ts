// The JSON SQL the change feed and credit views build their answers with, in each dialect's words:
// SQLite's json_group_array/json_object, PostgreSQL's json_agg/json_build_object. Both answer a
// JSON array as text, built by the database itself (fast at 60,000 rows).
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { dialectOf } from './postgres.ts';

export interface JsonSql {
  /** The function that builds an object from key, value, key, value … */
  obj: RawBuilder<unknown>;
  /**
   * A JSON array (as text, `[]` when no rows) of `row` over the query's rows; PostgreSQL orders
   * it by `order`, SQLite keeps the order its (sub)query read the rows in.
   */
  agg(row: RawBuilder<unknown>, order?: RawBuilder<unknown>): RawBuilder<string>;
  /** A JSON true/false from a 0/1 integer column. */
  bool(flag: RawBuilder<unknown>): RawBuilder<unknown>;
}

const sqlite: JsonSql = {
  obj: sql.raw('json_object'),
  agg: (row) => sql<string>`json_group_array(${row})`,
  bool: (flag) => sql`json(CASE WHEN ${flag} THEN 'true' ELSE 'false' END)`,
};

const postgres: JsonSql = {
  obj: sql.raw('json_build_object'),
  agg: (row, order) =>
    sql<string>`coalesce(json_agg(${row}${order ? sql` ORDER BY ${order}` : sql``}), '[]'::json)::text`,
  bool: (flag) => sql`(${flag} <> 0)`,
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any database type
export function jsonSqlOf(db: Kysely<any>): JsonSql {
  return dialectOf(db) === 'postgres' ? postgres : sqlite;
}
