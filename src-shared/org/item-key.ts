// The one key of an item of an organization change, used alike by the desktop's pre-check, the
// cloud's per-item answers, the stored answer and the screens (docs/architecture.md, "One admin
// change"): a user id (or an invitee's email) alone, or with the product code or purchase id the
// item concerns. No layer converts it to another format.

const SEP = ':';

/** `userId`, or `userId:subject` for an item about one product (revoke) or purchase (assign). */
export function itemKey(userId: string, subject?: string): string {
  return subject === undefined ? userId : `${userId}${SEP}${subject}`;
}

/** The parts of a key made by itemKey. Ids and codes never hold the separator; emails neither. */
export function parseItemKey(key: string): { userId: string; subject?: string } {
  const at = key.indexOf(SEP);
  return at < 0 ? { userId: key } : { userId: key.slice(0, at), subject: key.slice(at + 1) };
}
