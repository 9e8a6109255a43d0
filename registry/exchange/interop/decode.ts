// The first step of every foreign-format reader: a file over the import limit is refused before
// it is decoded, and its bytes must be UTF-8 (a byte order mark is allowed, reported and taken
// off). Refusals are notices worded by app/i18n, as the register's own import words them.
import type { FileNotice } from "../import/columns";
import { IMPORT_MAX_BYTES, tooLargeNotice } from "../import/limits";

export type Decoded = { ok: true; text: string; bom: boolean } | { ok: false; notices: FileNotice[] };

export function decodeForeignFile(bytes: Uint8Array): Decoded {
  if (bytes.byteLength > IMPORT_MAX_BYTES) return { ok: false, notices: [tooLargeNotice(bytes.byteLength)] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, notices: [{ code: "importNotUtf8", params: {} }] };
  }
  const bom = text.startsWith("\uFEFF");
  return { ok: true, text: bom ? text.slice(1) : text, bom };
}
