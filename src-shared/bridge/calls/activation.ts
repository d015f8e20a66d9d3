// Bridge calls of the license server's activation (issue 12, docs/activation.md): the activation
// request file, importing a .crt, and re-trusting a cloud whose key changed on purpose.
import Type from 'typebox';
import { call, NoInput } from '../define.ts';
import type { SeatServerIdentity } from './seats.ts';

export const ActivationRequestInput = Type.Object(
  { name: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);
export const ImportCrtInput = Type.Object(
  { text: Type.String({ maxLength: 1_000_000 }) },
  { additionalProperties: false },
);

export interface ActivationRequestFile {
  fileName: string;
  text: string;
  fingerprint: string;
}

export const activationCalls = {
  'activation.request': call<ActivationRequestFile>()(
    ActivationRequestInput,
    "Admin: this server's activation request file, to upload under Activate Workstation",
  ),
  'activation.import': call<SeatServerIdentity>()(
    ImportCrtInput,
    'Admin: import a .crt from the cloud; a refused one says which check failed and changes nothing',
  ),
  'activation.resetTrust': call<SeatServerIdentity>()(
    NoInput,
    "Admin: forget the pinned cloud key, to trust the cloud's new key on the next contact",
  ),
};
