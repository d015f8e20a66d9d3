// Bridge calls about queued changes themselves: where one stands and what the cloud answered.
import Type from 'typebox';
import { call } from '../define.ts';
import type { ChangeResult } from '../../domain/org.ts';

export const ChangeResultInput = Type.Object(
  { mutationId: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

export const changeCalls = {
  'org.changeResult': call<ChangeResult>()(
    ChangeResultInput,
    "Where a queued change stands, with the cloud's reason for each item it refused",
  ),
};
