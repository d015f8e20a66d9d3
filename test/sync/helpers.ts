// Shared by the sync tests: a core with a credential file, the bridge, and direct cloud reads.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Core, CoreOptions } from '../../src-main/core/core.ts';
import { createBridgeHandlers } from '../../src-main/bridge/handlers.ts';
import type { CallName, CallOutput } from '../../src-shared/bridge/contract.ts';
import { dispatch } from '../../src-shared/bridge/dispatch.ts';
import type { OrgUserRow } from '../../src-shared/domain/org.ts';
import { openCore } from '../core/helpers.ts';

export { ADMIN, removeTempDirs, startCloud, tempDir } from '../core/helpers.ts';

/** A core on its own data dir; the credential lives in a file so tests need no keychain. */
export function openSyncCore(dataDir: string, cloudUrl: string, extra: Partial<CoreOptions> = {}) {
  return openCore({ dataDir, cloudUrl, credentialFile: join(dataDir, 'credential'), ...extra });
}

/** Calls the bridge as the renderer does: validated input, envelope answer. */
export async function bridge<N extends CallName>(
  core: Core,
  name: N,
  input: unknown,
): Promise<CallOutput<N>> {
  const env = await dispatch(createBridgeHandlers(core), name, input);
  if (!env.ok) throw Object.assign(new Error(env.error.message), { code: env.error.code });
  return env.value as CallOutput<N>;
}

/** The same call, answering the envelope (for expected failures). */
export function bridgeEnvelope(core: Core, name: CallName, input: unknown) {
  return dispatch(createBridgeHandlers(core), name, input);
}

/** Signs in over plain HTTP and answers a GET helper with the admin's access token. */
export async function cloudReader(url: string, email: string, password: string) {
  const r = await fetch(`${url}/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  const { accessToken } = (await r.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };
  return {
    async get<T>(path: string): Promise<T> {
      const res = await fetch(url + path, { headers });
      return (await res.json()) as T;
    },
    async post<T>(path: string, body: unknown): Promise<T> {
      const res = await fetch(url + path, { method: 'POST', headers, body: JSON.stringify(body) });
      return (await res.json()) as T;
    },
  };
}

/** The replica's row of the user with this email (the test fails when it is missing). */
export async function userByEmail(core: Core, email: string): Promise<OrgUserRow> {
  const page = await bridge(core, 'org.users', { search: email });
  const u = page.users.find((x) => x.email === email);
  assert.ok(u, `${email} is in the replica`);
  return u;
}
