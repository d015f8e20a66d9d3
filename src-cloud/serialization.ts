// Response serialization: each route's answer schema is compiled on its first answer, not at start.
import type { FastifyInstance } from 'fastify';
import fastJsonStringify from 'fast-json-stringify';

/**
 * Fastify's default compiles every response schema with fast-json-stringify when the app starts,
 * which was a large part of the cloud's boot (the demo's first start waits for it). This does the
 * same compile, with the same library and options (no shared schemas are registered), once per
 * route on its first answer. Answers are still filtered to their schema; every route's answer is
 * exercised by the cloud tests, so a broken schema cannot hide until production.
 */
export function installLazySerialization(app: FastifyInstance): void {
  app.setSerializerCompiler(({ schema }) => {
    let compiled: ((data: unknown) => string) | undefined;
    return (data: unknown) => (compiled ??= fastJsonStringify(schema as object))(data);
  });
}
