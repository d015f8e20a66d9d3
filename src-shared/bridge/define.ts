// Helpers to declare bridge calls: an input schema plus the output type, checked at compile time.
import type { TSchema } from 'typebox';
import Type from 'typebox';

export interface CallSpec<I extends TSchema, O> {
  input: I;
  /** Phantom: never set at run time, carries the output type. */
  readonly __output?: O;
  /** Calls that change state need an admin-level token in headless mode too. */
  description: string;
}

export function call<O>() {
  return <I extends TSchema>(input: I, description: string): CallSpec<I, O> => ({
    input,
    description,
  });
}

export const NoInput = Type.Object({}, { additionalProperties: false });
