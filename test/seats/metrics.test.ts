// GET /metrics on the seat port: the Prometheus text format, checked by `promtool check metrics`
// (Debian's prometheus package) when it is installed, and the figures an operator scrapes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { startSeatServer } from '../../src-main/seats/standalone.ts';
import { parseRules } from '../../src-shared/seats/rules.ts';
import { post, tempDir } from './helpers.ts';

test('GET /metrics answers seats, queue, denials and counters per product; promtool accepts it', async (t) => {
  const d = tempDir();
  const s = await startSeatServer({
    dataDir: d.dir,
    seats: [
      { product: 'vray', name: 'V-Ray', total: 1 },
      { product: 'phoenix', name: 'Phoenix', total: 2 },
    ],
    rateLimit: false,
    reapIntervalMs: 0,
    sampleIntervalMs: 0,
  });
  try {
    s.service.setRules(parseRules('deny phoenix user mallory\n'));
    const co = (clientId: string, product = 'vray', wait?: number) =>
      post(`${s.url}/seat/v1/checkout`, { product, user: clientId, host: 'h', clientId, wait });
    assert.equal((await co('a')).status, 200);
    assert.equal((await co('b', 'vray', 60)).status, 202);
    assert.equal((await co('c')).status, 409);
    assert.equal((await co('mallory', 'phoenix')).status, 403);
    const res = await fetch(`${s.url}/metrics`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    for (const line of [
      'clm_seats{product="vray"} 1',
      'clm_seats_in_use{product="vray"} 1',
      'clm_seats_queued{product="vray"} 1',
      'clm_denied_total{product="vray"} 1',
      'clm_denied_total{product="phoenix"} 1',
      'clm_checkouts_total{product="vray"} 1',
      'clm_queue_entries_total{product="vray"} 1',
    ])
      assert.ok(text.split('\n').includes(line), `missing "${line}" in:\n${text}`);
    const promtool = spawnSync('promtool', ['check', 'metrics'], {
      input: text,
      encoding: 'utf8',
      timeout: 10_000,
    });
    if (promtool.error) return t.skip('promtool is not installed (apt-get install prometheus)');
    assert.equal(promtool.status, 0, `promtool: ${promtool.stdout}${promtool.stderr}`);
  } finally {
    await s.close();
    d.remove();
  }
});
