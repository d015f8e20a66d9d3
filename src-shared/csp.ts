// The one Content-Security-Policy of the app's pages, sent by the headless server and set by the
// desktop shell on every response of its session (docs/requirements.md §12): no inline script or style, nothing
// fetched from anywhere but the page's own origin, no plugins, no framing, no form posts.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
