// Validates a call's name and input against the contract and runs its handler, answering an envelope.
import { AppError } from '../errors.ts';
import { fail, ok, type Envelope } from '../envelope.ts';
import { parse } from '../schema.ts';
import { bridgeCalls, isCallName, type BridgeHandlers, type CallName } from './contract.ts';

export async function dispatch(
  handlers: BridgeHandlers,
  name: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  try {
    if (!isCallName(name)) throw new AppError('bad_request', `Unknown call: ${String(name)}`);
    const spec = bridgeCalls[name];
    const value = parse(spec.input, input ?? {}, `input for ${name}`);
    const handler = handlers[name] as (input: unknown) => unknown;
    return ok(await handler(value));
  } catch (err) {
    return fail(err);
  }
}

export type { CallName };
