// The operator's access rules for the license server (docs/requirements.md §5), in the tradition of RLM's ISV
// options file (INCLUDE / EXCLUDE / RESERVE / MAX) and JetBrains' access-config: pure parsing
// and matching, no I/O (the file is read and watched in src-main/seats/rules-file.ts).
//
// One rule a line; `#` starts a comment; `*` as product means every product.
//   group  NAME MEMBER...                      users of a group
//   allow  PRODUCT|* KIND VALUE                 once a product has an allow rule, only those match
//   deny   PRODUCT|* KIND VALUE                 KIND: user, host, address (IPv4 CIDR or exact) or group
//   reserve N PRODUCT user|group VALUE          N seats only they may take
//   max     N PRODUCT|* user|group VALUE        at most N seats at once for each (user) or together (group)
//   priority N user|host|group VALUE            a higher N is served earlier in the queue
//   alert   PERCENT PRODUCT|*                    notify when use reaches PERCENT (at most hourly)
import { AppError } from '../errors.ts';

export type MatchKind = 'user' | 'host' | 'address' | 'group';

export interface Who {
  user: string;
  host: string;
  /** The client's address as the socket saw it; empty when unknown (in-process callers). */
  address: string;
}

interface RuleBase {
  line: number;
  text: string;
  kind: MatchKind;
  value: string;
}
export interface AccessRule extends RuleBase {
  type: 'allow' | 'deny';
  product: string;
}
export interface CountRule extends RuleBase {
  type: 'reserve' | 'max';
  n: number;
  product: string;
}
export interface PriorityRule extends RuleBase {
  type: 'priority';
  n: number;
}
export interface AlertRule {
  type: 'alert';
  line: number;
  text: string;
  percent: number;
  product: string;
}
export type SeatRule = AccessRule | CountRule | PriorityRule | AlertRule;

export interface SeatRules {
  rules: SeatRule[];
  groups: Map<string, Set<string>>;
}

export const emptyRules: SeatRules = { rules: [], groups: new Map() };

const KINDS = new Set<MatchKind>(['user', 'host', 'address', 'group']);
const NAME = /^[^\s#]{1,256}$/;

function bad(line: number, text: string, why: string): never {
  throw new AppError('bad_request', `Rules line ${line} ("${text}"): ${why}`, { line });
}

function count(word: string | undefined, line: number, text: string): number {
  if (!word || !/^\d{1,6}$/.test(word)) bad(line, text, `"${word ?? ''}" is not a whole number`);
  return Number(word);
}

function kindOf(word: string | undefined, allowed: MatchKind[], line: number, text: string) {
  if (!word || !KINDS.has(word as MatchKind) || !allowed.includes(word as MatchKind))
    bad(line, text, `"${word ?? ''}" must be one of ${allowed.join(', ')}`);
  return word as MatchKind;
}

function checkValue(kind: MatchKind, value: string | undefined, line: number, text: string) {
  if (!value || !NAME.test(value)) bad(line, text, `a ${kind} is missing`);
  if (kind === 'address' && parseRange(value) === null)
    bad(
      line,
      text,
      `"${value}" is not an IPv4 address, an IPv4 range such as 10.0.0.0/8, or an IPv6 address`,
    );
  return value;
}

/**
 * Parses a rules file. Throws an AppError naming the first bad line (details.line), so a
 * caller can refuse the whole file and keep the rules it had.
 */
export function parseRules(source: string): SeatRules {
  const rules: SeatRule[] = [];
  const groups = new Map<string, Set<string>>();
  const usedGroups: { name: string; line: number; text: string }[] = [];
  source.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    const text = raw.replace(/#.*$/, '').trim();
    if (!text) return;
    const w = text.split(/\s+/);
    const type = w[0]?.toLowerCase();
    const extra = (n: number) => {
      if (w.length > n) bad(line, text, `unexpected "${w.slice(n).join(' ')}"`);
    };
    if (type === 'group') {
      const name = w[1];
      if (!name || !NAME.test(name) || w.length < 3) bad(line, text, 'use: group NAME MEMBER...');
      const members = groups.get(name) ?? new Set<string>();
      for (const m of w.slice(2)) members.add(m);
      groups.set(name, members);
      return;
    }
    let rule: SeatRule;
    if (type === 'allow' || type === 'deny') {
      extra(4);
      const product = w[1];
      if (!product || !NAME.test(product)) bad(line, text, `use: ${type} PRODUCT|* KIND VALUE`);
      const kind = kindOf(w[2], ['user', 'host', 'address', 'group'], line, text);
      rules.push(
        (rule = { type, product, kind, value: checkValue(kind, w[3], line, text), line, text }),
      );
    } else if (type === 'reserve' || type === 'max') {
      extra(5);
      const n = count(w[1], line, text);
      const product = w[2];
      if (!product || !NAME.test(product) || (type === 'reserve' && product === '*'))
        bad(
          line,
          text,
          `use: ${type} N ${type === 'reserve' ? 'PRODUCT' : 'PRODUCT|*'} user|group VALUE`,
        );
      const kind = kindOf(w[3], ['user', 'group'], line, text);
      rules.push(
        (rule = { type, n, product, kind, value: checkValue(kind, w[4], line, text), line, text }),
      );
    } else if (type === 'priority') {
      extra(4);
      const n = count(w[1], line, text);
      const kind = kindOf(w[2], ['user', 'host', 'group'], line, text);
      rules.push((rule = { type, n, kind, value: checkValue(kind, w[3], line, text), line, text }));
    } else if (type === 'alert') {
      extra(3);
      const percent = count(w[1]?.replace(/%$/, ''), line, text);
      if (percent < 1 || percent > 100) bad(line, text, 'the percentage must be 1 to 100');
      const product = w[2];
      if (!product || !NAME.test(product)) bad(line, text, 'use: alert PERCENT PRODUCT|*');
      rules.push({ type, percent, product, line, text });
      return;
    } else {
      bad(
        line,
        text,
        `unknown rule "${w[0] ?? ''}" (allow, deny, reserve, max, priority, alert or group)`,
      );
    }
    if (rule.kind === 'group') usedGroups.push({ name: rule.value, line, text });
  });
  for (const g of usedGroups)
    if (!groups.has(g.name)) bad(g.line, g.text, `no group "${g.name}" is defined`);
  return { rules, groups };
}

/** Whether `who` is matched by a rule's kind and value. */
export function matches(rs: SeatRules, r: RuleBase, who: Who): boolean {
  switch (r.kind) {
    case 'user':
      return who.user === r.value;
    case 'host':
      return who.host.toLowerCase() === r.value.toLowerCase();
    case 'group':
      return rs.groups.get(r.value)?.has(who.user) ?? false;
    case 'address':
      return inRange(who.address, r.value);
  }
}

function forProduct(r: { product: string }, product: string): boolean {
  return r.product === '*' || r.product === product;
}

/** The allow/deny rule that refuses `who` for `product`, or null when they may check out. */
export function refusal(
  rs: SeatRules,
  product: string,
  who: Who,
): { rule: SeatRule; why: string } | null {
  const allows: AccessRule[] = [];
  for (const r of rs.rules) {
    if (r.type === 'deny' && forProduct(r, product) && matches(rs, r, who))
      return { rule: r, why: `denied by rules line ${r.line} ("${r.text}")` };
    if (r.type === 'allow' && forProduct(r, product)) allows.push(r);
  }
  if (allows.length === 0 || allows.some((r) => matches(rs, r, who))) return null;
  const lines = allows.map((r) => r.line).join(', ');
  return {
    rule: allows[0] as SeatRule,
    why: `not on the allow list of "${product}" (rules line${allows.length > 1 ? 's' : ''} ${lines})`,
  };
}

/** The count rules (reserve / max) of a product; empty for most products, so the hot path skips them. */
export function countRules(rs: SeatRules, product: string): CountRule[] {
  return rs.rules.filter(
    (r): r is CountRule => (r.type === 'reserve' || r.type === 'max') && forProduct(r, product),
  );
}

/** The lowest alert threshold (percent) set for a product, or null. */
export function alertPercent(rs: SeatRules, product: string): number | null {
  let p: number | null = null;
  for (const r of rs.rules)
    if (r.type === 'alert' && forProduct(r, product) && (p === null || r.percent < p))
      p = r.percent;
  return p;
}

/** The highest priority any rule gives `who` (0 when none). */
export function priorityOf(rs: SeatRules, who: Who): number {
  let p = 0;
  for (const r of rs.rules) if (r.type === 'priority' && r.n > p && matches(rs, r, who)) p = r.n;
  return p;
}

function ipv4(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return null;
  return parts.reduce((a, p) => a * 256 + p, 0);
}

function parseRange(text: string): { base: number; bits: number } | { exact: string } | null {
  const [addr, bitsText] = text.split('/');
  const v4 = ipv4(addr ?? '');
  if (v4 !== null) {
    const bits = bitsText === undefined ? 32 : /^\d{1,2}$/.test(bitsText) ? Number(bitsText) : -1;
    return bits >= 0 && bits <= 32 ? { base: v4, bits } : null;
  }
  return bitsText === undefined && /^[0-9a-f:]+$/i.test(text) && text.includes(':')
    ? { exact: text.toLowerCase() }
    : null;
}

/** Whether an address (as a socket reports it, `::ffff:` prefix and all) is in a range. */
export function inRange(address: string, range: string): boolean {
  const r = parseRange(range);
  if (!r || !address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if ('exact' in r) return plain.toLowerCase() === r.exact;
  const a = ipv4(plain);
  if (a === null) return false;
  const size = 2 ** (32 - r.bits);
  return Math.floor(a / size) === Math.floor(r.base / size);
}
