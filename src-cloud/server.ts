// Builds the cloud reference server (Fastify + TypeBox + OpenAPI) on its store and starts it.
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import pkg from '../package.json' with { type: 'json' };
import { loadOrCreateSharedSigningKey } from './auth/shared-key.ts';
import { loadOrCreateSigningKey } from './auth/signing-key.ts';
import type { CloudContext } from './context.ts';
import { installErrorHandlers } from './errors.ts';
import { billingRoutesModule } from './billing/routes.ts';
import { creditRoutesModule } from './credits/routes.ts';
import { accountRoutes } from './routes/account.ts';
import { authRoutes } from './routes/auth.ts';
import { licensingRoutes } from './routes/licensing.ts';
import { licenseServerRoutesModule } from './routes/license-servers.ts';
import { borrowRoutesModule } from './routes/borrow.ts';
import { organizationRoutes } from './routes/organization.ts';
import { orgRoutesModule } from './routes/org.ts';
import { serviceRoutes } from './routes/service.ts';
import { updateRoutes } from './routes/updates.ts';
import { openStore } from './store/db.ts';
import { seedIfEmpty } from './store/seed.ts';
import { installLazySerialization } from './serialization.ts';
import { installValidation } from './validation.ts';
import { systemClock, type Clock } from '../src-shared/clock.ts';

export interface CloudServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  dataDir: string;
  /** A postgres:// URL: the store on PostgreSQL (shared by every node) instead of the data folder's SQLite file. */
  databaseUrl?: string | null;
  seedFile?: string | null;
  smtpUrl?: string | null;
  /** Log requests to stderr (off by default: the CLI prints only its ready line). */
  log?: boolean;
  /** The clock every rule reads, and the seed's relative dates are resolved against (default: the system's). */
  clock?: Clock;
  /** Serve the desktop app's update feed from this folder under /updates/ (routes/updates.ts). */
  updatesDir?: string | null;
}

export interface CloudServer {
  url: string;
  port: number;
  /** True when this start loaded the seed into an empty database. */
  seeded: boolean;
  close(): Promise<void>;
}

/** Area route modules; a later issue adds its own here. */
export const routeModules: Array<(app: FastifyInstance, ctx: CloudContext) => void> = [
  serviceRoutes,
  authRoutes,
  accountRoutes,
  licensingRoutes,
  organizationRoutes,
  orgRoutesModule,
  creditRoutesModule,
  billingRoutesModule,
  licenseServerRoutesModule,
  borrowRoutesModule,
  updateRoutes,
];

export async function buildCloudApp(ctx: CloudContext, log = false): Promise<FastifyInstance> {
  const app = Fastify({
    logger: log,
    bodyLimit: 8 * 1024 * 1024,
  }).withTypeProvider<TypeBoxTypeProvider>();
  installValidation(app);
  installLazySerialization(app);
  installErrorHandlers(app);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Chaos License Manager cloud API',
        version: ctx.version,
        description:
          'The reference cloud server the desktop app syncs with. Errors answer {error, message}.',
      },
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
    },
  });
  for (const mountArea of routeModules) mountArea(app, ctx);
  await app.ready();
  return app;
}

export async function startCloudServer(opts: CloudServerOptions): Promise<CloudServer> {
  const db = await openStore({ dataDir: opts.dataDir, databaseUrl: opts.databaseUrl ?? null });
  let app: FastifyInstance | undefined;
  try {
    const clock = opts.clock ?? systemClock;
    const seeded = opts.seedFile ? await seedIfEmpty(db, opts.seedFile, clock) : false;
    const ctx: CloudContext = {
      clock,
      db,
      key: opts.databaseUrl
        ? await loadOrCreateSharedSigningKey(db)
        : loadOrCreateSigningKey(opts.dataDir),
      version: pkg.version,
      smtpUrl: opts.smtpUrl ?? null,
      updatesDir: opts.updatesDir ?? null,
    };
    app = await buildCloudApp(ctx, opts.log ?? false);
    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : opts.port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const running = app;
    return {
      url: `http://${shownHost}:${port}`,
      port,
      seeded,
      async close() {
        await running.close();
        await db.destroy();
      },
    };
  } catch (err) {
    await app?.close();
    await db.destroy();
    throw err;
  }
}
