// Seat protocol v1: request schemas (compiled once for the hot path) and the error answers.
import Type from 'typebox';
import { Compile } from 'typebox/compile';
import { problems } from '../../src-shared/schema.ts';

export const SEAT_PREFIX = '/seat/v1/';

const Name = Type.String({ minLength: 1, maxLength: 256 });

// Unknown fields are ignored (not refused) so a newer client can talk to this v1 server.
export const CheckoutRequest = Type.Object({
  product: Type.String({ minLength: 1, maxLength: 100 }),
  user: Name,
  host: Name,
  clientId: Name,
  // Added to v1: seconds the client will wait in the queue for a seat (0 or absent: answer at once).
  wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
});
export const LeaseRequest = Type.Object({ leaseId: Type.String({ minLength: 1, maxLength: 100 }) });

export const checkCheckout = Compile(CheckoutRequest);
export const checkLease = Compile(LeaseRequest);

/** A readable reason why a body does not fit (slow path: only when the check failed). */
export function whyInvalid(
  schema: typeof CheckoutRequest | typeof LeaseRequest,
  what: string,
  value: unknown,
): string {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `Invalid ${what}: the body must be a JSON object`;
  return `Invalid ${what}: ${problems(schema, value)
    .map((p) => p.message)
    .join('; ')}`;
}

export type SeatErrorCode =
  | 'bad_request'
  | 'no_seat'
  | 'denied'
  | 'forbidden_origin'
  | 'unsupported_media_type'
  | 'unknown_product'
  | 'lease_expired'
  | 'rate_limited'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'internal';

export const seatMessages = {
  noSeat: (product: string, total: number) =>
    `No free seat of "${product}": all ${total} ${total === 1 ? 'seat is' : 'seats are'} in use.`,
  unknownProduct: (product: string) => `This license server has no seats of "${product}".`,
  queued: (product: string, position: number, waiting: number, every: number) =>
    `Waiting for a seat of "${product}": number ${position} of ${waiting} in the queue. Ask again within ${every} s to keep the place.`,
  leaseExpired: (leaseId: string) =>
    `Lease ${leaseId} has expired or was released; check out a seat again.`,
  rateLimited: (seconds: number) => `Too many requests from this address; retry in ${seconds} s.`,
  badJson: 'Invalid request: the body is not valid JSON.',
  tooLarge: (limit: number) => `Invalid request: the body is larger than ${limit} bytes.`,
  notFound: (method: string, path: string) => `The seat protocol has no route ${method} ${path}.`,
};
