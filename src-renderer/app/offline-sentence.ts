// The status bar's one offline line: a proxy that failed is named (issue 12, docs/sources.md,
// Online licensing "Settings and proxy"), since the user can fix it in Settings; any other reason
// stays in Details.
const PROXY_FAILED = /proxy (https?:\/\/\S+?) failed/;

/** The proxy a cloud error names (src-main/settings/proxy-fetch.ts), or null. */
export function failedProxyOf(message: string | undefined): string | null {
  return message ? (PROXY_FAILED.exec(message)?.[1] ?? null) : null;
}

export function proxySentence(proxy: string): string {
  return `The proxy ${proxy} is not answering — check it under Account → Settings`;
}
