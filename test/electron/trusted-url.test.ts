// The IPC sender check trusts only the app's own origin, parsed, never by substring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isTrustedRendererUrl } from '../../src-main/electron/trusted-url.ts';

test('the app origin is trusted', () => {
  assert.equal(isTrustedRendererUrl('app://renderer/index.html'), true);
  assert.equal(isTrustedRendererUrl('app://renderer/#/licensing'), true);
});

test('look-alike URLs are refused', () => {
  for (const url of [
    'https://renderer/index.html',
    'app://renderer.evil.example/index.html',
    'app://evil.example/app://renderer/',
    'https://evil.example/?app://renderer/',
    'app://user:pw@renderer/index.html',
    'file:///app/renderer/index.html',
    'not a url',
    '',
    null,
    undefined,
  ]) {
    assert.equal(isTrustedRendererUrl(url), false, String(url));
  }
});
