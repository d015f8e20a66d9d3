// One way to validate input against a TypeBox schema, with errors a person can read.
import type { Static, TSchema } from 'typebox';
import { Compile } from 'typebox/compile';
import { AppError } from './errors.ts';

export interface FieldProblem {
  path: string;
  message: string;
}

type Validator<S extends TSchema> = ReturnType<typeof Compile<S>>;
const compiled = new WeakMap<TSchema, Validator<TSchema>>();

function validatorFor<S extends TSchema>(schema: S): Validator<S> {
  let v = compiled.get(schema);
  if (!v) {
    v = Compile(schema) as Validator<TSchema>;
    compiled.set(schema, v);
  }
  return v as Validator<S>;
}

/** Lists what is wrong with `value`, empty when it fits the schema. */
export function problems(schema: TSchema, value: unknown): FieldProblem[] {
  const v = validatorFor(schema);
  if (v.Check(value)) return [];
  return [...v.Errors(value)]
    .filter((e) => e.keyword !== 'additionalProperties')
    .slice(0, 20)
    .map((e) => ({
      path: e.instancePath || '/',
      message: describe(e.instancePath, e.message, e.keyword, e.params),
    }));
}

function describe(path: string, message: string, keyword: string, params: unknown): string {
  const field = path ? path.replace(/^\//, '').replace(/\//g, '.') : 'body';
  if (keyword === 'required' && params && typeof params === 'object') {
    const missing = (params as { requiredProperties?: string[] }).requiredProperties;
    if (missing?.length) return `${missing.join(', ')} is required`;
  }
  // typebox reports a field outside an object's closed set as a `false` schema on that field.
  if (keyword === 'boolean') return `${field} is not a known field`;
  return `${field} ${message}`;
}

/** Returns `value` typed by the schema, or throws a bad_request AppError naming each problem. */
export function parse<S extends TSchema>(schema: S, value: unknown, what = 'input'): Static<S> {
  const found = problems(schema, value);
  if (found.length === 0) return value as Static<S>;
  const summary = found.map((p) => p.message).join('; ');
  throw new AppError('bad_request', `Invalid ${what}: ${summary}`, found);
}
