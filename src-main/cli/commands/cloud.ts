// `clm cloud`: runs the cloud reference server on a port with its database in --data, optionally seeded.
import { statSync } from 'node:fs';
import type { Command } from '../command.ts';
import { AppError } from '../../../src-shared/errors.ts';
import { confirmOrg } from './cloud-confirm-org.ts';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export const cloudCommand: Command = {
  name: 'cloud',
  summary: 'Run the cloud reference server (accounts, organizations, licenses) over HTTP',
  usage:
    'cloud --port N --data DIR [--database postgres://…] [--seed FILE] [--host 127.0.0.1] [--smtp URL] [--updates DIR] | cloud confirm-org CUSTOMER_NUMBER --data DIR',
  options: {
    port: { type: 'string', description: 'port to listen on (0 picks a free one)' },
    data: { type: 'string', description: "the cloud's data folder (database and signing key)" },
    database: {
      type: 'string',
      description:
        'postgres:// URL: keep the store in PostgreSQL, shared by several cloud nodes (default: SQLite in --data)',
    },
    seed: {
      type: 'string',
      description: 'JSON seed loaded into an empty database (see docs/seed-format.md)',
    },
    host: { type: 'string', description: 'address to bind (default 127.0.0.1)' },
    smtp: {
      type: 'string',
      description: 'SMTP URL for notification mail, e.g. smtp://127.0.0.1:2525',
    },
    log: { type: 'boolean', description: 'log every request to stderr' },
    updates: {
      type: 'string',
      description:
        "serve the desktop app's update feed (latest*.yml and installers) from DIR under /updates/",
    },
  },
  async run(ctx) {
    if (ctx.positionals[0] === 'confirm-org') return confirmOrg(ctx);
    const portText = ctx.values.port;
    const dataDir = ctx.values.data;
    if (typeof portText !== 'string' || !/^\d+$/.test(portText) || Number(portText) > 65535)
      throw new AppError('bad_request', '--port N is required (0-65535; 0 picks a free port)');
    if (typeof dataDir !== 'string' || !dataDir)
      throw new AppError('bad_request', '--data DIR is required');
    const str = (v: unknown) => (typeof v === 'string' ? v : null);
    const updatesDir = str(ctx.values.updates);
    if (updatesDir !== null && !isFolder(updatesDir))
      throw new AppError('bad_request', `--updates ${updatesDir} is not a folder`);
    const { startCloudServer } = await import('../../../src-cloud/server.ts');
    const server = await startCloudServer({
      port: Number(portText),
      host: str(ctx.values.host) ?? '127.0.0.1',
      dataDir,
      databaseUrl: str(ctx.values.database),
      seedFile: str(ctx.values.seed),
      smtpUrl: str(ctx.values.smtp),
      log: ctx.values.log === true,
      updatesDir,
      clock: ctx.clock,
    });
    if (ctx.json) ctx.print({ listening: server.url, seeded: server.seeded });
    else console.log(`listening on ${server.url}`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        void server.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
