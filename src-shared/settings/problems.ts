// Settings input a person mistyped, in words (issue 12): shared by the core's check and the
// Settings page, which asks before sending. No typebox here, so the renderer can import it.

export const LABELS = { cloudUrl: 'The cloud URL', proxyUrl: 'The proxy' } as const;

/**
 * The reason a person reads for input the schema will refuse (a URL that is not http(s), a
 * timeout out of range), or null. No typebox here: the renderer checks with it before sending.
 */
export function settingsInputProblem(value: unknown): string | null {
  const v = value as Partial<Record<keyof typeof LABELS | 'connectTimeoutSeconds', unknown>> | null;
  for (const key of ['cloudUrl', 'proxyUrl'] as const) {
    const text = v?.[key];
    if (typeof text === 'string' && text !== '' && !/^https?:\/\/[^\s]+$/.test(text))
      return `Invalid settings: ${LABELS[key]} "${text.slice(0, 80)}" is not an http:// or https:// URL`;
  }
  const t = v?.connectTimeoutSeconds;
  if (t !== undefined && !(Number.isInteger(t) && (t as number) >= 1 && (t as number) <= 300))
    return `Invalid settings: the connect timeout must be a whole number of seconds from 1 to 300, not "${String(t).slice(0, 20)}"`;
  return null;
}
