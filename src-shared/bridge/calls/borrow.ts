// Bridge calls of borrowing (issue 13, docs/activation.md "Borrows"): what this machine borrowed,
// borrowing (or extending) a seat for N days, and returning one early.
import Type from 'typebox';
import type { RefusalCode } from '../../activation/reasons.ts';
import { call, NoInput } from '../define.ts';

export const BorrowInput = Type.Object(
  {
    product: Type.String({ minLength: 1, maxLength: 100 }),
    days: Type.Integer({ minimum: 1, maximum: 30 }),
  },
  { additionalProperties: false },
);
export const ReturnInput = Type.Object(
  { product: Type.String({ minLength: 1, maxLength: 100 }) },
  { additionalProperties: false },
);

export interface BorrowView {
  id: string;
  product: string;
  name: string;
  quantity: number;
  account: string;
  borrowedAt: string;
  until: string;
  daysLeft: number;
}

export interface BorrowList {
  borrows: BorrowView[];
  /** Stored borrow files that were refused, with the check that failed. */
  refused: { file: string; code: RefusalCode; message: string }[];
  /** Why borrowed seats are suspended now (the clock guard), or null. */
  suspended: string | null;
  /** The longest borrow the app offers, in days. */
  maxDays: number;
}

export const borrowCalls = {
  'borrow.list': call<BorrowList>()(NoInput, 'The seats this machine has borrowed, with days left'),
  'borrow.borrow': call<BorrowList>()(
    BorrowInput,
    'Borrow a seat of a product for this machine for N days (borrowing again extends it)',
  ),
  'borrow.return': call<BorrowList>()(
    ReturnInput,
    "Return a product's borrowed seat early (release it for online use)",
  ),
};
