// Registers a route of the shared route table with its schemas, OpenAPI docs and (when needed) the Bearer guard.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from '../../src-shared/cloud-api/schemas.ts';
import {
  cloudRoutes,
  type CloudAnswer,
  type CloudBody,
  type CloudRouteName,
} from '../../src-shared/cloud-api/routes.ts';
import { AppError } from '../../src-shared/errors.ts';
import { verifyAccessToken } from '../auth/access-tokens.ts';
import { sessionIsLive } from '../auth/refresh-tokens.ts';
import type { CloudContext } from '../context.ts';

export interface Caller {
  accountId: string;
  /** The refresh-token family (sign-in session) of the access token. */
  sessionId: string;
}

type NeedsAuth<N extends CloudRouteName> = (typeof cloudRoutes)[N]['auth'] extends true
  ? Caller
  : null;

export interface RouteInput<N extends CloudRouteName> {
  body: CloudBody<N>;
  caller: NeedsAuth<N>;
  request: FastifyRequest;
}

export type RouteHandler<N extends CloudRouteName> = (
  input: RouteInput<N>,
) => Promise<CloudAnswer<N>> | CloudAnswer<N>;

export async function authenticate(ctx: CloudContext, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1])
    throw new AppError('unauthorized', 'Sign in first: send Authorization: Bearer <accessToken>.');
  const claims = verifyAccessToken(ctx.key, match[1], ctx.clock());
  if (!(await sessionIsLive(ctx.db, claims.sid)))
    throw new AppError('unauthorized', 'This session has ended. Sign in again.');
  return { accountId: claims.sub, sessionId: claims.sid };
}

const errorAnswers = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
  429: ApiError,
  500: ApiError,
};

export function mount<N extends CloudRouteName>(
  app: FastifyInstance,
  ctx: CloudContext,
  name: N,
  handler: RouteHandler<N>,
): void {
  const spec = cloudRoutes[name];
  const tag = spec.path.split('/')[2] ?? 'service';
  app.route({
    method: spec.method,
    url: spec.path,
    schema: {
      operationId: name,
      summary: spec.summary,
      tags: [tag],
      ...('body' in spec ? { body: spec.body } : {}),
      ...(spec.auth ? { security: [{ bearer: [] }] } : {}),
      response: { 200: spec.response, ...errorAnswers },
    },
    handler: async (request) => {
      const caller = spec.auth ? await authenticate(ctx, request) : null;
      return handler({
        body: request.body as CloudBody<N>,
        caller: caller as NeedsAuth<N>,
        request,
      });
    },
  });
}
