// PostgreSQL's form of the change tracking migrations 002 and 004 give SQLite with triggers
// (docs/cloud-scaling.md): every insert or update of a tracked row takes the next feed position,
// every delete leaves a tombstone at the next position. The position comes from the one row of
// sync_state, whose row lock the writing transaction holds until it commits: a second writer
// waits, so positions are handed out in commit order and a pull never skips a row that commits
// later with a lower position.
import { sql, type Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations see an untyped database
type AnyDB = Kysely<any>;

export interface TrackedTable {
  table: string;
  feed: string;
  /** SQL naming a deleted row's key, organization and account from OLD. */
  key: string;
  org: string;
  account: string;
}

/** The shared functions: the next position, and the stamp every tracked row's trigger calls. */
export async function createFeedFunctions(db: AnyDB): Promise<void> {
  await sql`CREATE FUNCTION clm_feed_next() RETURNS integer LANGUAGE sql AS $$
    UPDATE sync_state SET seq = seq + 1 WHERE id = 1 RETURNING seq
  $$`.execute(db);
  // An update that sets seq itself (a migration resetting it) keeps what it set, as on SQLite.
  await sql`CREATE FUNCTION clm_feed_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'INSERT' OR NEW.seq = OLD.seq THEN
        NEW.seq := clm_feed_next();
      END IF;
      RETURN NEW;
    END
  $$`.execute(db);
}

export async function trackTable(db: AnyDB, t: TrackedTable): Promise<void> {
  const table = sql.raw(t.table);
  await sql`CREATE TRIGGER ${sql.raw(`${t.table}_seq`)} BEFORE INSERT OR UPDATE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION clm_feed_stamp()`.execute(db);
  const fn = sql.raw(`${t.table}_tombstone`);
  await sql`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      INSERT INTO sync_tombstones (seq, feed, row_key, organization_id, account_id, deleted_at)
      VALUES (clm_feed_next(), ${sql.raw(`'${t.feed}'`)}, ${sql.raw(t.key)}, ${sql.raw(t.org)},
              ${sql.raw(t.account)},
              to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
      RETURN OLD;
    END
  $$`.execute(db);
  await sql`CREATE TRIGGER ${fn} AFTER DELETE ON ${table}
    FOR EACH ROW EXECUTE FUNCTION ${fn}()`.execute(db);
}
