// Every failure of the cloud API becomes `{error, message}` with its status, mapped here and nowhere else.
import type { FastifyError, FastifyInstance } from 'fastify';
import { cloudErrorStatus } from '../src-shared/cloud-api/routes.ts';
import { AppError } from '../src-shared/errors.ts';

/** The HTTP status of an AppError code; unknown codes are the caller's mistake (400). */
export function statusOf(code: string): number {
  return cloudErrorStatus[code] ?? 400;
}

interface ValidationIssue {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
  /** The failing keyword's value (AJV `verbose`), e.g. the branches of an anyOf. */
  schema?: unknown;
}

/** "one of: a, b, c" when every branch of a union is a constant, else a general phrase. */
function choices(branches: unknown): string {
  const values = Array.isArray(branches)
    ? branches.map((b) =>
        b && typeof b === 'object' ? (b as { const?: unknown }).const : undefined,
      )
    : [];
  if (values.length && values.every((v) => v !== undefined))
    return `one of: ${values.map((v) => String(v)).join(', ')}`;
  return 'one of the allowed forms';
}

/** "email is required; password must be string": each problem named by its field. */
export function describeValidation(issues: ValidationIssue[], part: string): string {
  // Problems found inside the branches of a union only confuse: say the union failed instead.
  const unions = issues.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath);
  const relevant = issues.filter(
    (e) =>
      e.keyword === 'anyOf' ||
      !e.schemaPath.includes('/anyOf/') ||
      !unions.some((u) => e.instancePath === u || e.instancePath.startsWith(`${u}/`)),
  );
  const seen = new Set<string>();
  for (const e of relevant.slice(0, 20)) {
    const field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const name = field || part;
    let text: string;
    if (e.keyword === 'required') {
      const missing = String(e.params.missingProperty);
      text = `${field ? `${field}.` : ''}${missing} is required`;
    } else if (e.keyword === 'additionalProperties')
      text = `${field ? `${field}.` : ''}${String(e.params.additionalProperty)} is not a known field`;
    else if (!field && e.keyword === 'type') text = 'a JSON object is required';
    else if (e.keyword === 'anyOf') text = `${name} must be ${choices(e.schema)}`;
    else if (e.keyword === 'enum' && Array.isArray(e.params.allowedValues))
      text = `${name} must be one of: ${e.params.allowedValues.map(String).join(', ')}`;
    else if (e.keyword === 'format') text = `${name} must be a valid ${String(e.params.format)}`;
    else if (e.keyword === 'const')
      text = `${name} must be ${JSON.stringify(e.params.allowedValue)}`;
    else text = `${name} ${e.message ?? 'is not valid'}`;
    seen.add(text);
  }
  return `Invalid ${part}: ${[...seen].join('; ')}`;
}

const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'The request body is not valid JSON'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    400,
    'bad_request',
    'The request body is empty; send a JSON object',
  ],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'Send the request body as application/json',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
};

export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err.validation) {
      const part = err.validationContext ?? 'body';
      return reply
        .status(400)
        .send({ error: 'bad_request', message: describeValidation(err.validation, part) });
    }
    if (err instanceof AppError) {
      const wait = (err.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.code === 'rate_limited' && typeof wait === 'number')
        void reply.header('retry-after', String(wait));
      return reply.status(statusOf(err.code)).send({ error: err.code, message: err.message });
    }
    const known = err.code ? fastifyCodes[err.code] : undefined;
    if (known) {
      const [status, code, message] = known;
      return reply.status(status).send({ error: code, message: `${message}.` });
    }
    if (err.statusCode && err.statusCode < 500) {
      return reply.status(err.statusCode).send({ error: 'bad_request', message: err.message });
    }
    request.log.error(err);
    return reply.status(500).send({ error: 'internal', message: 'Internal server error.' });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({
      error: 'not_found',
      message: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
