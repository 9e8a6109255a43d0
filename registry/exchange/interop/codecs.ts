// Codecs shared by the mapping tables (./mapping.ts) beyond plain text, choices and addresses:
// dates as the foreign files write them, and Python list cells read as one of the standard's
// governance answers. Pure.
import { readListCell, writeListCell } from "./list-cell";
import type { Codec } from "./mapping";

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const pad = (n: number) => String(n).padStart(2, "0");

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A date as the US inventory's agencies wrote it, read as the standard's partial date (a day, a
 * month or a year): `2019-01-02 00:00:00`, `2019-01-02`, `10/1/2021` and `10/01/2021 12:00:00 AM`
 * (month first, as US forms write), `08/2023`, `Sep-23`, `2024`. Anything else is not guessed.
 */
export function readLooseDate(cell: string): string | undefined {
  const s = cell.trim();
  let m: RegExpMatchArray | null;
  const day = (y: number, mo: number, d: number) => (y >= 1900 && y <= 2100 && validDay(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : undefined);
  const month = (y: number, mo: number) => (y >= 1900 && y <= 2100 && mo >= 1 && mo <= 12 ? `${y}-${pad(mo)}` : undefined);
  if ((m = s.match(/^(\d{4})-(\d{2})-(\d{2})(?: \d{1,2}:\d{2}(?::\d{2})?)?$/))) return day(+m[1]!, +m[2]!, +m[3]!);
  if ((m = s.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?(?: ?[AP]M)?)?$/i))) return day(+m[3]!, +m[1]!, +m[2]!);
  if ((m = s.match(/^(\d{1,2})\/(\d{4})$/))) return month(+m[2]!, +m[1]!);
  if ((m = s.match(/^([A-Za-z]{3})-(\d{2})$/))) {
    const mo = MONTHS.indexOf(m[1]!.toLowerCase()) + 1;
    return mo ? month(2000 + +m[2]!, mo) : undefined;
  }
  if ((m = s.match(/^(\d{4})(?:-(\d{2}))?$/))) return m[2] ? month(+m[1]!, +m[2]) : +m[1]! >= 1900 && +m[1]! <= 2100 ? m[1] : undefined;
  return undefined;
}

/** The standard's partial date (YYYY, YYYY-MM or YYYY-MM-DD), read loosely and written as ISO. */
export const looseDateCodec = (): Codec => ({
  read: (cell) => readLooseDate(cell),
  write: (v) => (typeof v === "string" ? v : ""),
});

/** An ISO date only (YYYY-MM-DD), as JSON formats write them. */
export const isoDayCodec = (): Codec => ({
  read: (cell) => {
    const m = cell.trim().match(/^(\d{4})-(\d{2})-(\d{2})$/);
    return m && validDay(+m[1]!, +m[2]!, +m[3]!) ? cell.trim() : undefined;
  },
  write: (v) => (typeof v === "string" ? v : ""),
});

/**
 * A governance answer (`{ status, detail? }`) from one choice: `table` maps a foreign value to a
 * status; `detailed` values are done and also named in the answer's detail (e.g. which review).
 */
export const answerCodec = (table: Record<string, string>, detailed: readonly string[] = []): Codec => ({
  read: (cell) => {
    if (detailed.includes(cell)) return { status: "done", detail: { en: cell } };
    return Object.hasOwn(table, cell) ? { status: table[cell] } : undefined;
  },
  write: (v) => {
    const a = v as { status?: string; detail?: { en?: string } } | undefined;
    if (!a?.status) return "";
    if (a.status === "done" && a.detail?.en && detailed.includes(a.detail.en)) return a.detail.en;
    for (const [k, s] of Object.entries(table)) if (s === a.status) return k;
    return a.status === "done" && detailed[0] ? detailed[0] : "";
  },
});

/**
 * A governance answer from a Python list cell of steps (`['Usability Testing', 'Public Hearings']`):
 * only `in progress` → in progress; steps taken → done, the steps named in the detail. A list
 * mixing other values is not read (kept as published).
 */
export const stepsAnswerCodec = (steps: readonly string[], inProgress: string): Codec => ({
  read: (cell) => {
    const l = readListCell(cell);
    if (!l.ok || !l.values.length) return undefined;
    if (l.values.length === 1 && l.values[0] === inProgress) return { status: "in_progress" };
    return l.values.every((v) => steps.includes(v)) ? { status: "done", detail: { en: l.values.join("; ") } } : undefined;
  },
  write: (v) => {
    const a = v as { status?: string; detail?: { en?: string } } | undefined;
    if (a?.status === "in_progress") return writeListCell([inProgress]);
    if (a?.status === "done") return writeListCell((a.detail?.en ?? "").split(";").map((s) => s.trim()).filter(Boolean));
    return "";
  },
});

/** The first sentences of a text within `max` characters (a summary), or its beginning cut at a word. */
export function firstSentences(text: string, max = 400): string {
  const t = text.trim();
  if (t.length <= max) return t;
  const sentences = t.split(/(?<=[.!?。！？])\s+/);
  let out = "";
  for (const s of sentences) {
    if ((out ? out.length + 1 : 0) + s.length > max) break;
    out = out ? `${out} ${s}` : s;
  }
  if (out) return out;
  const cut = t.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
