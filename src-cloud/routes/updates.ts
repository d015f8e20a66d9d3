// The desktop app's update feed (docs/requirements.md §1.1 auto-update): `clm cloud --updates DIR` serves that
// folder's electron-updater generic-provider files under /updates/: latest*.yml as electron-builder
// writes them, and the installers they name. Only plain file names; nothing outside the folder.
import { createReadStream, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import { AppError } from '../../src-shared/errors.ts';
import type { CloudContext } from '../context.ts';

export const UPDATES_PATH = '/updates';

const Params = Type.Object(
  { file: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._ -]{0,200}$' }) },
  { additionalProperties: false },
);

function contentType(file: string): string {
  if (/\.ya?ml$/i.test(file)) return 'text/yaml; charset=utf-8';
  if (file.endsWith('.blockmap')) return 'application/octet-stream';
  return 'application/octet-stream';
}

export function updateRoutes(app: FastifyInstance, ctx: CloudContext): void {
  app.get<{ Params: Static<typeof Params> }>(
    `${UPDATES_PATH}/:file`,
    { schema: { params: Params, hide: true } },
    async (request, reply) => {
      const dir = ctx.updatesDir;
      if (!dir)
        throw new AppError(
          'not_found',
          'This cloud serves no updates (start it with --updates DIR).',
        );
      const name = request.params.file;
      const path = join(dir, name);
      let size: number;
      try {
        const st = statSync(path);
        if (!st.isFile()) throw new Error('not a file');
        size = st.size;
      } catch {
        throw new AppError('not_found', `No update file named ${name}.`);
      }
      // electron-updater asks for latest*.yml with a cache-busting query; it must never be stale.
      return reply
        .header('content-type', contentType(name))
        .header('content-length', size)
        .header('cache-control', 'no-cache')
        .send(createReadStream(path));
    },
  );
}
