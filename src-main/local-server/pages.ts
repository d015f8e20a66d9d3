// The few HTML pages the local server writes itself (no inline script or style: the CSP forbids them).

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${title} · Chaos License Manager</title>
<link rel="stylesheet" href="/refused.css"><link rel="icon" href="/favicon.svg"></head>
<body>
<h1>${title}</h1>
${body}
</body>
</html>
`;
}

export const TOKEN_MISSING =
  'This page needs the login token. Open the URL printed by `clm serve` (it ends with ?token=…).';
export const TOKEN_WRONG =
  'The login token is wrong or belongs to an earlier start. Open the URL printed by `clm serve` (it ends with ?token=…).';

export function unauthorizedPage(wrongToken: boolean): string {
  return page(
    wrongToken ? 'Wrong login token' : 'Login token missing',
    `<p>${wrongToken ? TOKEN_WRONG : TOKEN_MISSING}</p>
<p>Every start of <code>clm serve</code> prints a new URL, for example
<code>http://127.0.0.1:30304/?token=…</code>. Open exactly that URL in this browser.</p>`,
  );
}

export function notBuiltPage(): string {
  return page(
    'The user interface is not built',
    '<p>Run <code>node scripts/build.mjs</code> in the Chaos License Manager folder, then reload this page.</p>',
  );
}

export const UI_LOOPBACK_ONLY =
  "The web UI answers only on the license server's own machine, because over plain HTTP its login token would travel unencrypted; to open it to the network, start clm serve with --expose-ui.";

export function loopbackOnlyPage(): string {
  return page(
    'The web UI is not open to the network',
    `<p>${UI_LOOPBACK_ONLY.replace('clm serve', '<code>clm serve</code>').replace('--expose-ui', '<code>--expose-ui</code>')}</p>`,
  );
}
