// Service routes: health, the public signing keys, the demo accounts and the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type { DemoAccount } from '../../src-shared/domain/account.ts';
import type { CloudContext } from '../context.ts';
import { demoAccountsOf } from '../store/seed.ts';
import { mount } from './mount.ts';

export function serviceRoutes(app: FastifyInstance, ctx: CloudContext): void {
  mount(app, ctx, 'health', () => ({ ok: true as const, version: ctx.version }));
  mount(app, ctx, 'keys', () => ({
    keys: [{ kid: ctx.key.kid, alg: 'EdDSA' as const, publicKeyPem: ctx.key.publicKeyPem }],
  }));
  mount(app, ctx, 'demoAccounts', async (): Promise<DemoAccount[]> => demoAccountsOf(ctx.db));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
