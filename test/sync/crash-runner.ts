// A real core process for the crash test: it queues and flushes many admin changes, or pulls a
// large feed, printing where it is so the test can kill -9 it at that moment; or it just resumes.
// Usage: node --import tsx test/sync/crash-runner.ts flush|pull|resume --data DIR --cloud URL
//   [--email E --password P] [--count N]
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Core } from '../../src-main/core/core.ts';
import { OrgAdmin } from '../../src-main/org/admin.ts';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    data: { type: 'string' },
    cloud: { type: 'string' },
    email: { type: 'string' },
    password: { type: 'string' },
    count: { type: 'string', default: '1000' },
  },
});
const mode = positionals[0];
const dataDir = values.data as string;
const say = (line: string) => process.stdout.write(`${line}\n`);

const core = await Core.open({
  dataDir,
  cloudUrl: values.cloud as string,
  credentialFile: join(dataDir, 'credential'),
  reconnect: { minMs: 50, maxMs: 400 },
  requestTimeoutMs: 30_000,
});
if (mode === 'pull') {
  // Tells when a pulled answer starts being written (the restore's round or the sign-in's), so
  // the kill lands inside that transaction.
  const store = core.sync.store;
  const apply = store.applyPull.bind(store);
  store.applyPull = (answer, at) => {
    say('applying pull');
    const changed = apply(answer, at);
    say(`applied cursor ${answer.cursor}`);
    return changed;
  };
}
core.start();
await core.settled();

if (mode === 'flush') {
  await core.signIn(values.email as string, values.password as string);
  // The admin's own changes, queued with the real pre-checks and optimistic effects, but not
  // pushed one by one: the whole outbox is then flushed in one go, as after a long offline spell.
  const admin = new OrgAdmin({
    store: core.sync.store,
    state: core.sync.state,
    now: () => new Date().toISOString(),
    me: () => ({ id: core.account().id, email: core.account().email }),
    productName: (code) => code,
    queued: () => undefined,
  });
  const members = core.orgUsers({ role: 'member', pageSize: 1000 }, new Date().toISOString()).users;
  const count = Number(values.count);
  for (let i = 0; i < count; i++) {
    const user = members[i % members.length] as (typeof members)[number];
    admin.setCreditAccess([user.id], { mode: 'limit', limit: 1000 + i });
  }
  say(`queued ${core.sync.store.pendingCount()}`);
  let pending = count;
  core.on('sync.status', (s) => {
    if (s.pending < pending) say(`pushed ${count - s.pending} of ${count}`);
    pending = s.pending;
  });
  await core.syncNow();
} else if (mode === 'pull') {
  await core.signIn(values.email as string, values.password as string);
} else if (mode !== 'resume') {
  throw new Error(`unknown mode ${mode}`);
}
// `resume`: the session comes back silently from the stored credential and the round above
// pushed what was left and pulled; one more round makes sure nothing is still on its way.
const status = await core.syncNow();
say(
  `synced ${JSON.stringify({ pending: status.pending, failed: status.failed.length, online: status.online })}`,
);
await core.close();
process.exit(0);
