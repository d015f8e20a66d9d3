// The borrowing routes (issue 13, docs/activation.md "Borrows"): borrow a seat for this machine
// (or extend it), return it early, list the account's borrows, and the administrator's rules.
import Type from 'typebox';
import type { Static } from 'typebox';
import { Fingerprint, PublicKeyPem } from '../activation/formats.ts';
import type { OrgRouteSpec } from './org.ts';

const Time = Type.String({ description: 'ISO-8601 UTC' });
const Product = Type.String({ minLength: 1, maxLength: 100 });

export const BorrowBody = Type.Object(
  {
    product: Product,
    days: Type.Integer({ minimum: 1, maximum: 365 }),
    fingerprint: Fingerprint,
    publicKeyPem: PublicKeyPem,
    name: Type.String({ maxLength: 100 }),
    host: Type.String({ maxLength: 255 }),
  },
  { additionalProperties: false },
);
export type BorrowBody = Static<typeof BorrowBody>;

export const BorrowRecord = Type.Object({
  id: Type.String(),
  account: Type.String(),
  product: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  fingerprint: Type.Union([Type.String(), Type.Null()]),
  machine: Type.Union([Type.String(), Type.Null()]),
  borrowedAt: Time,
  until: Time,
});
export type BorrowRecord = Static<typeof BorrowRecord>;

export const BorrowAnswer = Type.Object({ borrow: BorrowRecord, document: Type.String() });
export const ReturnBody = Type.Object(
  { id: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);
export const BorrowPolicyBody = Type.Object(
  {
    product: Product,
    floor: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
    userMax: Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()]),
    maxDays: Type.Integer({ minimum: 1, maximum: 30 }),
  },
  { additionalProperties: false },
);
export type BorrowPolicyBody = Static<typeof BorrowPolicyBody>;

function route<const R extends OrgRouteSpec>(r: R): R {
  return r;
}

export const borrowRoutes = {
  borrow: route({
    method: 'POST',
    path: '/v1/borrows',
    summary: 'Borrow a seat for this machine (or extend its borrow); answers the signed borrow',
    body: BorrowBody,
    response: BorrowAnswer,
  }),
  returnBorrow: route({
    method: 'POST',
    path: '/v1/borrows/return',
    summary: 'Return a borrowed seat early (release it for online use)',
    body: ReturnBody,
    response: Type.Object({}),
  }),
  borrows: route({
    method: 'GET',
    path: '/v1/borrows',
    summary: "The account's borrows that have not ended",
    response: Type.Array(BorrowRecord),
  }),
  borrowPolicy: route({
    method: 'POST',
    path: '/v1/borrows/policy',
    summary:
      "Administrator: a product's floor of seats never borrowed, per-user maximum, longest borrow",
    body: BorrowPolicyBody,
    response: BorrowPolicyBody,
  }),
} as const;
export type BorrowRouteName = keyof typeof borrowRoutes;
