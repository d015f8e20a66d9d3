// Why a signed document was refused: one code per check, each with a message that says what to do
// (docs/activation.md "Refusals"). The order of the checks is the order of this list.

export const refusalCodes = [
  'empty',
  'oversized',
  'garbage',
  'unknown_version',
  'malformed',
  'payload_tampered',
  'unknown_key',
  'signature_invalid',
  'other_machine',
  'not_yet_valid',
  'expired',
] as const;
export type RefusalCode = (typeof refusalCodes)[number];

/** The largest document accepted: an entitlement of every product is a few kilobytes. */
export const MAX_DOCUMENT_BYTES = 64 * 1024;

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export const refusalMessages = {
  empty: () => 'The file is empty: choose the .crt file the cloud gave you.',
  oversized: (bytes: number) =>
    `The file is ${bytes} bytes, more than a signed document can be (${MAX_DOCUMENT_BYTES}): it is not an activation file.`,
  garbage: () => 'The file is not a Chaos License Manager signed document (it is not its JSON).',
  unknownVersion: (v: unknown) =>
    `The document has format version ${JSON.stringify(v)}, which this version of the app does not know; update the app.`,
  malformed: (what: string) => `The document is incomplete or malformed: ${what}.`,
  payloadTampered: () =>
    'The document was changed after the cloud signed it: its payload does not match its digest.',
  unknownKey: (kid: string, pinned: string) =>
    `The document is signed by key ${kid}, not by the cloud key this server trusts (${pinned}).`,
  signatureInvalid: () =>
    'The signature does not verify with the trusted cloud key: the signature or the document was altered.',
  otherMachine: (theirs: string, ours: string) =>
    `The document is for another machine (fingerprint ${theirs}); this machine is ${ours}.`,
  notYetValid: (at: string) =>
    `The document is dated in the future (${at}); check this machine's clock.`,
  expired: (at: string) =>
    `The document expired at ${at}; activate again (online, or with a new activation request file).`,
};

export function refusal(code: RefusalCode, message: string): Refusal {
  return { code, message };
}
