// Request validation: JSON bodies are checked strictly (no type coercion); query strings and params may coerce.
import type { FastifyInstance, FastifySchema } from 'fastify';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; its default export is the plugin function under either shape.
const addFormats = ((addFormatsModule as { default?: unknown }).default ??
  addFormatsModule) as typeof addFormatsModule.default;

function makeAjv(coerce: boolean): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    coerceTypes: coerce ? 'array' : false,
    useDefaults: true,
    removeAdditional: false,
    strict: false,
    // Keeps each failing keyword's schema on the error, so messages can list a union's choices.
    verbose: true,
  });
  addFormats(ajv);
  return ajv;
}

/**
 * Compiles a route's validator on its first request instead of at start: compiling every route's
 * schemas up front was a large part of the cloud's boot, which the demo's first start waits for.
 * Every route's schemas are exercised by the bad-input tests, so a broken one cannot hide.
 */
function lazyValidator(ajv: Ajv, schema: object) {
  let compiled: ValidateFunction | undefined;
  const validate = (data: unknown, ctx?: Parameters<ValidateFunction>[1]): boolean => {
    compiled ??= ajv.compile(schema);
    const ok = compiled(data, ctx) as boolean;
    validate.errors = compiled.errors;
    return ok;
  };
  validate.errors = null as ErrorObject[] | null | undefined;
  // Fastify passes the parent object to validators that have `schemaEnv`, so Ajv's coercion and
  // defaults can replace a root value (a query string's number) as they do when compiled eagerly.
  validate.schemaEnv = true;
  return validate;
}

export function installValidation(app: FastifyInstance): void {
  const strict = makeAjv(false);
  const lenient = makeAjv(true);
  app.setValidatorCompiler<FastifySchema>(({ schema, httpPart }) =>
    lazyValidator(httpPart === 'body' ? strict : lenient, schema as object),
  );
  // A body on a route that takes none is a client mistake worth saying, not silently ignoring.
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > 0 || request.headers['transfer-encoding']) {
      await reply
        .status(400)
        .send({ error: 'bad_request', message: `${request.method} requests take no body.` });
    }
  });
}
