// Dates written relative to when a seed or fixture is loaded (docs/seed-format.md), so the demo
// tells the same story on any day: "+14d" is fourteen days after the load, "-3d@08:30" three
// days before it at 08:30 UTC, "-2h" two hours before it, "now" the load time itself.

const DAY_MS = 86_400_000;
const RELATIVE = /^(?:now|([+-])(\d{1,5})([dhm])(?:@([01]\d|2[0-3]):([0-5]\d))?)$/;
const TEMPLATE = /\{date:([^}]+)\}/g;

/** True when `text` is written relative to the load time. */
export function isRelativeDate(text: string): boolean {
  const m = RELATIVE.exec(text);
  return m !== null && (m[4] === undefined || m[3] === 'd');
}

/**
 * Resolves a relative date against `nowMs`: whole days give `YYYY-MM-DD` (the UTC day), whole
 * days with a time and hours or minutes give an ISO UTC time to the second. Absolute dates and
 * anything else are answered unchanged, for the schema to accept or refuse.
 */
export function resolveRelativeDate(text: string, nowMs: number): string {
  const m = RELATIVE.exec(text);
  if (!m) return text;
  if (!m[1]) return isoSecond(nowMs);
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  if (m[3] === 'h') return m[4] === undefined ? isoSecond(nowMs + n * 3_600_000) : text;
  if (m[3] === 'm') return m[4] === undefined ? isoSecond(nowMs + n * 60_000) : text;
  const day = new Date(nowMs + n * DAY_MS).toISOString().slice(0, 10);
  return m[4] === undefined ? day : `${day}T${m[4]}:${m[5]}:00Z`;
}

/** Replaces each `{date:+14d}` in free text (a notification's words) by the day it names. */
export function resolveDateTemplates(text: string, nowMs: number): string {
  return text.replace(TEMPLATE, (whole, rel: string) =>
    isRelativeDate(rel) ? resolveRelativeDate(rel, nowMs).slice(0, 10) : whole,
  );
}

/** Keys whose values are dates in seeds and fixtures: `…At` and `until`. */
const DATE_KEY = /(At|until)$/;

/**
 * A copy of a parsed JSON document with every relative date under a date key resolved, and
 * every `{date:…}` in a `text` resolved, against `nowMs`.
 */
export function resolveDocumentDates(doc: unknown, nowMs: number): unknown {
  if (Array.isArray(doc)) return doc.map((v) => resolveDocumentDates(v, nowMs));
  if (doc === null || typeof doc !== 'object') return doc;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(doc)) {
    if (typeof v === 'string' && DATE_KEY.test(k)) out[k] = resolveRelativeDate(v, nowMs);
    else if (typeof v === 'string' && k === 'text') out[k] = resolveDateTemplates(v, nowMs);
    else out[k] = resolveDocumentDates(v, nowMs);
  }
  return out;
}

function isoSecond(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
