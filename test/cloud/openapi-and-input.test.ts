// /openapi.json is a valid OpenAPI 3 document of every route; every route answers bad input with 400 and changes nothing.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { cloudRoutes } from '../../src-shared/cloud-api/routes.ts';
import { ADMIN, startTestCloud, type TestCloud } from './helpers.ts';

interface JsonSchema {
  type?: string;
  format?: string;
  minLength?: number;
  minItems?: number;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
}
interface Operation {
  operationId?: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content: { 'application/json': { schema: JsonSchema } } };
  responses: Record<string, { content?: { 'application/json'?: { schema?: unknown } } }>;
}
interface OpenApiDoc {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}
interface ApiError {
  error: string;
  message: string;
}

/** A value that satisfies `schema`, so one field at a time can be broken. */
function sample(schema: JsonSchema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf?.[0]) return sample(schema.anyOf[0]);
  switch (schema.type) {
    case 'string':
      return schema.format === 'email'
        ? 'someone@example.com'
        : 'x'.repeat(Math.max(schema.minLength ?? 1, 12));
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}));
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((k) => [k, sample(schema.properties?.[k] ?? {})]),
      );
    default:
      return null;
  }
}

/** GET with a body: fetch refuses to send one, so node:http does it. */
function getWithBody(
  url: string,
  body: string,
  token: string,
): Promise<{ status: number; body: ApiError }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'GET',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as ApiError }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('cloud OpenAPI document and input validation', () => {
  let cloud: TestCloud;
  let doc: OpenApiDoc;
  let token: string;
  before(async () => {
    cloud = await startTestCloud();
    token = (await cloud.signIn(ADMIN)).accessToken;
    const r = await cloud.call<OpenApiDoc>('GET', '/openapi.json');
    assert.equal(r.status, 200);
    doc = r.body;
  });
  after(() => cloud.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })),
    );

  test('/openapi.json is a valid OpenAPI 3 document', async () => {
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    const result = await new Validator().validate(
      structuredClone(doc) as unknown as Record<string, unknown>,
    );
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  });

  test('it documents every route of the API with request and answer schemas', () => {
    const documented = new Set(operations().map((o) => `${o.method} ${o.path}`));
    for (const r of Object.values(cloudRoutes))
      assert.ok(documented.has(`${r.method} ${r.path}`), `${r.method} ${r.path} documented`);
    for (const { method, path, op } of operations()) {
      // Files (invoice PDFs, installers) are documented with their own content type.
      const answer = op.responses['200']?.content ?? {};
      assert.ok(
        answer['application/json']?.schema ?? Object.values(answer)[0]?.schema,
        `${path}: 200 schema`,
      );
      assert.ok(op.responses['400']?.content?.['application/json']?.schema, `${path}: 400 schema`);
      // Routes of the shared table must document their body and security as the table says.
      const spec = Object.values(cloudRoutes).find((r) => r.path === path && r.method === method);
      if (!spec) continue;
      assert.equal(
        'body' in spec,
        op.requestBody !== undefined,
        `${path}: request body documented`,
      );
      assert.equal(spec.auth, op.security !== undefined, `${path}: security documented`);
    }
  });

  test('bad input on every route: 400 with a clear message, nothing changed', async (t) => {
    const before = cloud.snapshot();
    for (const { method, path, op } of operations()) {
      const schema = op.requestBody?.content['application/json'].schema;
      if (!schema) {
        await t.test(`${method} ${path}: a body where none belongs`, async () => {
          const r = await getWithBody(cloud.url + path, '{"broken": ', token);
          assert.equal(r.status, 400);
          assert.deepEqual(r.body, { error: 'bad_request', message: 'GET requests take no body.' });
        });
        continue;
      }
      await t.test(`${method} ${path}: malformed JSON`, async () => {
        for (const raw of ['{"email": ', '{,}', 'not json']) {
          const r = await cloud.raw<ApiError>(method, path, raw, token);
          assert.equal(r.status, 400, raw);
          assert.deepEqual(r.body, {
            error: 'bad_request',
            message: 'The request body is not valid JSON.',
          });
        }
      });
      await t.test(`${method} ${path}: no body, or not an object`, async () => {
        const empty = await cloud.raw<ApiError>(method, path, '', token);
        assert.equal(empty.status, 400);
        assert.equal(empty.body.error, 'bad_request');
        assert.match(empty.body.message, /empty/);
        for (const v of [[], 'text', 42, null]) {
          const r = await cloud.call<ApiError>(method, path, v, token);
          assert.equal(r.status, 400, JSON.stringify(v));
          assert.equal(r.body.error, 'bad_request');
          assert.match(r.body.message, /^Invalid body: /);
        }
      });
      const good = sample(schema) as Record<string, unknown>;
      for (const field of schema.required ?? []) {
        await t.test(`${method} ${path}: missing ${field}`, async () => {
          const { [field]: _gone, ...rest } = good;
          const r = await cloud.call<ApiError>(method, path, rest, token);
          assert.equal(r.status, 400);
          assert.equal(r.body.error, 'bad_request');
          assert.match(r.body.message, new RegExp(`^Invalid body: .*\\b${field} is required`));
        });
        await t.test(`${method} ${path}: ${field} of the wrong type`, async () => {
          const r = await cloud.call<ApiError>(method, path, { ...good, [field]: { x: 1 } }, token);
          assert.equal(r.status, 400);
          assert.equal(r.body.error, 'bad_request');
          assert.match(r.body.message, new RegExp(`^Invalid body: .*\\b${field} must be`));
        });
      }
      await t.test(`${method} ${path}: an unknown field`, async () => {
        const r = await cloud.call<ApiError>(method, path, { ...good, surprise: 1 }, token);
        assert.equal(r.status, 400);
        assert.match(r.body.message, /surprise is not a known field/);
      });
    }
    assert.equal(cloud.snapshot(), before, 'a refused request changed the database');
  });

  test('an unknown route answers 404 in the same error shape', async () => {
    const r = await cloud.call<ApiError>('GET', '/v1/nope');
    assert.deepEqual(r, {
      status: 404,
      body: { error: 'not_found', message: 'No route GET /v1/nope' },
    });
  });
});
