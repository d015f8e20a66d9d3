// Access rules (src-shared/seats/rules.ts): each rule grants and refuses with its reason, and
// a bad rules file names its line and changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseRules } from '../../src-shared/seats/rules.ts';
import type { AppError } from '../../src-shared/errors.ts';
import { RulesFile } from '../../src-main/seats/rules-file.ts';
import type { CheckoutResult } from '../../src-main/seats/types.ts';
import { testService, who } from './service-helpers.ts';

function refusedBy(r: CheckoutResult): [string, number | undefined, string] {
  assert.equal(r.ok, false, 'expected a refusal');
  if (r.ok) throw new Error('granted');
  return [r.error, 'rule' in r ? r.rule : undefined, r.message];
}

test('deny by user, host, address range and group refuses naming the rule; others are granted', async () => {
  const t = testService(
    { vray: 10 },
    {
      rules: [
        '# render farm rules',
        'group interns ivy ian',
        'deny vray user mallory',
        'deny * host kiosk-01',
        'deny vray address 10.9.0.0/16',
        'deny vray group interns',
      ].join('\n'),
    },
  );
  try {
    const cases: [string, Parameters<typeof who>[1], number][] = [
      ['mallory', {}, 3],
      ['kim', { host: 'KIOSK-01' }, 4],
      ['ann', { address: '::ffff:10.9.3.4' }, 5],
      ['ivy', {}, 6],
    ];
    for (const [id, more, line] of cases) {
      const [error, rule, message] = refusedBy(t.svc.checkout(who(id, more)));
      assert.equal(error, 'denied');
      assert.equal(rule, line);
      assert.match(message, new RegExp(`rules line ${line}`));
    }
    assert.equal(t.svc.checkout(who('ann', { address: '10.8.3.4' })).ok, true);
    assert.equal(t.svc.checkout(who('bob')).ok, true);
  } finally {
    await t.close();
  }
});

test('allow lists: once a product has one, only those on it are granted', async () => {
  const t = testService(
    { vray: 10, phoenix: 10 },
    { rules: 'allow vray user alice\nallow vray address 192.0.2.0/24\n' },
  );
  try {
    assert.equal(t.svc.checkout(who('alice')).ok, true);
    assert.equal(t.svc.checkout(who('carl', { address: '192.0.2.77' })).ok, true);
    const [error, rule, message] = refusedBy(t.svc.checkout(who('bob')));
    assert.deepEqual([error, rule], ['denied', 1]);
    assert.match(message, /not on the allow list of "vray" \(rules lines 1, 2\)/);
    // Another product without an allow rule is open to everyone.
    assert.equal(t.svc.checkout(who('bob', { product: 'phoenix' })).ok, true);
  } finally {
    await t.close();
  }
});

test('max per user and per group refuses beyond the maximum, naming the rule', async () => {
  const t = testService(
    { vray: 10 },
    { rules: 'group juniors jo jack\nmax 1 vray user bob\nmax 2 * group juniors\n' },
  );
  try {
    assert.equal(t.svc.checkout(who('bob1', { user: 'bob' })).ok, true);
    const [error, rule, message] = refusedBy(t.svc.checkout(who('bob2', { user: 'bob' })));
    assert.deepEqual([error, rule], ['no_seat', 2]);
    assert.match(message, /maximum of 1 is reached \(rules line 2/);
    assert.equal(t.svc.checkout(who('jo')).ok, true);
    assert.equal(t.svc.checkout(who('jack')).ok, true);
    assert.deepEqual(refusedBy(t.svc.checkout(who('jo2', { user: 'jo' }))).slice(0, 2), [
      'no_seat',
      3,
    ]);
    assert.equal(t.svc.checkout(who('alice')).ok, true);
  } finally {
    await t.close();
  }
});

test('reserve keeps N seats for a group: others are refused naming the rule, the group is granted', async () => {
  const t = testService(
    { vray: 3 },
    { rules: 'group lighting lea lou\nreserve 2 vray group lighting\n' },
  );
  try {
    assert.equal(t.svc.checkout(who('bob')).ok, true);
    const [error, rule, message] = refusedBy(t.svc.checkout(who('carl')));
    assert.deepEqual([error, rule], ['no_seat', 2]);
    assert.match(message, /reserved \(rules line 2/);
    assert.equal(t.svc.checkout(who('lea')).ok, true);
    assert.equal(t.svc.checkout(who('lou')).ok, true);
  } finally {
    await t.close();
  }
});

test('a bad rules file is refused naming its line, and the rules in force stay', async () => {
  const t = testService({ vray: 5 });
  const path = join(t.dir, 'seat-rules.txt');
  try {
    writeFileSync(path, 'deny vray user mallory\n');
    const file = new RulesFile(path, t.svc);
    assert.equal(file.reload(), true);
    assert.equal(refusedBy(t.svc.checkout(who('mallory')))[0], 'denied');
    writeFileSync(path, 'deny vray user mallory\n\nreserve two vray user bob\n');
    assert.equal(file.reload(), false);
    assert.match(
      file.state().error ?? '',
      /^Rules line 3 \("reserve two vray user bob"\): "two" is not a whole number/,
    );
    // Nothing changed: mallory is still refused by the old rule, bob has no reservation.
    assert.equal(refusedBy(t.svc.checkout(who('mallory')))[1], 1);
    assert.equal(t.svc.rules.rules.length, 1);
    // The view's editor saves through the same check: a bad text is neither written nor in force.
    assert.throws(
      () => file.save('allow vray group nobody\n'),
      (e: AppError) => {
        assert.match(e.message, /^Rules line 1 .*no group "nobody"/);
        return true;
      },
    );
    assert.equal(file.text(), 'deny vray user mallory\n\nreserve two vray user bob\n');
  } finally {
    await t.close();
  }
});

test('each kind of mistake names its line', () => {
  const bad: [string, RegExp][] = [
    ['frobnicate vray', /line 1 .*unknown rule "frobnicate"/],
    ['# ok\ndeny vray cat tom', /line 2 .*"cat" must be one of user, host, address, group/],
    ['deny vray address 10.0.0.0/33', /line 1 .*not an IPv4 address/],
    ['max 2 vray host h1', /line 1 .*"host" must be one of user, group/],
    ['reserve 1 * user bob', /line 1 .*use: reserve N PRODUCT/],
    ['priority 3 user', /line 1 .*a user is missing/],
    ['deny vray user bob extra', /line 1 .*unexpected "extra"/],
  ];
  for (const [text, re] of bad) assert.throws(() => parseRules(text), re, text);
});
