// The change feed under concurrent writers on PostgreSQL (issue 21): the classic
// hole of sequence cursors is a transaction that took a lower position committing after a pull
// already answered a higher one. Forced here with two open transactions: the second writer waits
// for the first (positions are taken under sync_state's row lock, held to commit), so a pull in
// between never moves its cursor past a row still to come, and every later pull finds both rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import type { PullAnswer } from '../../src-shared/cloud-api/sync.ts';
import { splitSchema } from '../../src-cloud/store/postgres.ts';
import { onPostgres } from '../support/store.ts';
import { eventually } from '../support/wait.ts';
import { startOrgCloud, type OrgCloud } from './helpers.ts';

const ADMIN = 'admin@acme.test';

async function client(databaseUrl: string): Promise<pg.Client> {
  const { url, schema } = splitSchema(databaseUrl);
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
  await c.connect();
  return c;
}

describe('feed positions under concurrent transactions (PostgreSQL)', { skip: !onPostgres }, () => {
  let cloud: OrgCloud;
  const clients: pg.Client[] = [];
  before(async () => {
    cloud = await startOrgCloud();
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.end()));
    await cloud?.close();
  });

  const pull = async (cursor: number) =>
    (await cloud.as<PullAnswer>(ADMIN, 'GET', `/v1/pull?cursor=${cursor}`)).body;
  const userIds = (p: PullAnswer) => (p.changes.users ?? []).map((u) => u.id).sort();

  test('a row committing later with a lower position is never skipped', async () => {
    assert.ok(cloud.databaseUrl);
    const [first, second, watcher] = await Promise.all([
      client(cloud.databaseUrl),
      client(cloud.databaseUrl),
      client(cloud.databaseUrl),
    ]);
    clients.push(first, second, watcher);
    const start = await pull(0);

    // The first writer takes a position and keeps its transaction open.
    await first.query('BEGIN');
    await first.query(`UPDATE memberships SET joined_at = joined_at WHERE account_id = 'acc-m1'`);
    const taken = await first.query<{ seq: number }>(
      `SELECT seq FROM memberships WHERE account_id = 'acc-m1'`,
    );
    // The second writer starts and would take the next position: it waits for the first.
    await second.query('BEGIN');
    const secondWrite = second.query(
      `UPDATE memberships SET joined_at = joined_at WHERE account_id = 'acc-m2'`,
    );
    await eventually('the second writer waiting on the first', async () => {
      const { rows } = await watcher.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return Number(rows[0]?.n) > 0;
    });

    // A pull now sees neither row and its cursor stays below both positions.
    const during = await pull(start.cursor);
    assert.deepEqual(userIds(during), []);
    assert.ok(during.cursor < Number(taken.rows[0]?.seq), 'the cursor stays below open positions');

    await first.query('COMMIT');
    await secondWrite;
    const between = await pull(during.cursor);
    assert.deepEqual(userIds(between), ['acc-m1'], 'the first row, once committed');
    await second.query('COMMIT');
    const [m1, m2] = (
      await watcher.query<{ account_id: string; seq: number }>(
        `SELECT account_id, seq FROM memberships WHERE account_id IN ('acc-m1', 'acc-m2')
         ORDER BY account_id`,
      )
    ).rows;
    assert.ok(m1 && m2 && m2.seq > m1.seq, 'positions follow commit order');
    assert.deepEqual(userIds(await pull(between.cursor)), ['acc-m2'], 'the second row next');
    assert.deepEqual(userIds(await pull(during.cursor)), ['acc-m1', 'acc-m2']);
  });
});
