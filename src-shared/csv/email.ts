// A fast, sane email check for uploads (not RFC 5322): one @, dot-separated atoms, a real TLD.

/** RFC 5321 caps a forward path at 254 characters; checking it first also bounds the regex's work. */
export const MAX_EMAIL_LENGTH = 254;

// Non-ASCII letters are allowed (internationalised addresses); quoted local parts are not.
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~\\u0080-\\uFFFF-]+";
const LABEL =
  '[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\u0080-\\uFFFF-]*[A-Za-z0-9\\u0080-\\uFFFF])?';
const EMAIL = new RegExp(`^${ATOM}(?:\\.${ATOM})*@(?:${LABEL}\\.)+[A-Za-z\\u0080-\\uFFFF]{2,}$`);

export function isValidEmail(email: string): boolean {
  return email.length <= MAX_EMAIL_LENGTH && EMAIL.test(email);
}
