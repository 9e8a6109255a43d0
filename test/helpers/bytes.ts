// Byte-level checks of what the register serves and writes: a page can look right in a browser
// and still carry bytes that break tools (NUL bytes from React 18's streaming renderer did).

/** Null when the bytes are valid UTF-8 without a NUL byte; otherwise what is wrong and where. */
export function byteProblem(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return `NUL byte at offset ${nul}`;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return "invalid UTF-8";
  }
  return null;
}
