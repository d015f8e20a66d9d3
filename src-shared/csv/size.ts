// The upload size limit, checked before anything is read or parsed.

export const MAX_CSV_BYTES = 50 * 1024 * 1024;

/**
 * The text's UTF-8 size when it is over the limit, else null. Short texts (every UTF-16 unit is at
 * most 3 bytes) are answered without counting, and nothing is encoded just to measure it.
 */
export function oversizeBytes(text: string): number | null {
  if (text.length * 3 <= MAX_CSV_BYTES) return null;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes > MAX_CSV_BYTES ? bytes : null;
}
