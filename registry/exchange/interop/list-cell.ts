// List cells of foreign CSV formats. The US inventory stores its "select multiple" columns as
// the text of a Python list (`['a', 'b']`, written by Python's repr()); other files separate
// values with semicolons (`a;b`). Reading gives the values; writing gives back the exact text
// Python would write, so a value read and written again is the same cell, byte for byte.
// Pure functions, no dependencies: a list literal is not JSON (single quotes, backslash escapes).

export type ListCell = { ok: true; values: string[]; style: "python" | "semicolon" | "empty" } | { ok: false };

/** At most this many values in one list cell (the real files have at most a dozen). */
export const LIST_CELL_MAX_VALUES = 200;

/**
 * Reads a list cell: `[]`, `['a', "b's"]` (a Python list of strings), `a;b`, or an empty cell.
 * Anything else that starts with `[` (numbers, nesting, a missing quote) is refused, never guessed.
 */
export function readListCell(text: string): ListCell {
  const s = text.trim();
  if (s === "") return { ok: true, values: [], style: "empty" };
  if (!s.startsWith("[")) {
    const values = s.split(";").map((v) => v.trim()).filter(Boolean);
    return values.length <= LIST_CELL_MAX_VALUES ? { ok: true, values, style: "semicolon" } : { ok: false };
  }
  const values: string[] = [];
  let i = 1;
  const skipSpace = () => {
    while (i < s.length && (s[i] === " " || s[i] === "\t" || s[i] === "\n" || s[i] === "\r")) i++;
  };
  skipSpace();
  if (s[i] === "]") return i === s.length - 1 ? { ok: true, values, style: "python" } : { ok: false };
  for (;;) {
    skipSpace();
    const quote = s[i];
    if (quote !== "'" && quote !== '"') return { ok: false };
    i++;
    let v = "";
    for (;;) {
      if (i >= s.length) return { ok: false };
      const ch = s[i]!;
      if (ch === "\\") {
        const next = s[i + 1];
        if (next === undefined) return { ok: false };
        const esc: Record<string, string> = { "\\": "\\", "'": "'", '"': '"', n: "\n", r: "\r", t: "\t" };
        if (next in esc) {
          v += esc[next];
          i += 2;
          continue;
        }
        if (next === "x" || next === "u") {
          const len = next === "x" ? 2 : 4;
          const hex = s.slice(i + 2, i + 2 + len);
          if (!new RegExp(`^[0-9a-fA-F]{${len}}$`).test(hex)) return { ok: false };
          v += String.fromCharCode(parseInt(hex, 16));
          i += 2 + len;
          continue;
        }
        return { ok: false };
      }
      if (ch === quote) {
        i++;
        break;
      }
      v += ch;
      i++;
    }
    values.push(v);
    if (values.length > LIST_CELL_MAX_VALUES) return { ok: false };
    skipSpace();
    if (s[i] === ",") {
      i++;
      continue;
    }
    if (s[i] === "]" && i === s.length - 1) return { ok: true, values, style: "python" };
    return { ok: false };
  }
}

/** One string as Python's repr() writes it: single quotes unless the text has a ' and no ". */
export function pythonRepr(v: string): string {
  const quote = v.includes("'") && !v.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of v) {
    const code = ch.codePointAt(0)!;
    if (ch === "\\") out += "\\\\";
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return out + quote;
}

/** A list cell in the given style: `['a', 'b']` as Python writes it, or `a;b`. */
export function writeListCell(values: readonly string[], style: "python" | "semicolon" = "python"): string {
  if (style === "semicolon") return values.join(";");
  return `[${values.map(pythonRepr).join(", ")}]`;
}
