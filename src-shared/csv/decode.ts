// Turns an uploaded file's bytes into text: UTF-8 (with or without BOM), UTF-16 with a BOM, and
// Excel's legacy "CSV (Comma delimited)" saves, which are Windows-1252 rather than UTF-8.

export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: an ANSI save. Windows-1252 maps every byte, so nothing is lost silently.
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
