// Exporting the register's records in a foreign register's format (issue 16): /interop/omb-2025.csv,
// /interop/atrs-3.json, /interop/nl-1.json. The tools of a list query (the same filters as
// /tools), each written from its newest public revision by the format's mapping table
// (./mapping.ts docToRow): every cell from the standard's own fields, or the cell as its source
// published it while the record still says the same. Records this register governs are written
// too: the crosswalk the other way. Drafts are never read.
import { getDb, type Db } from "../../shared/db.server";
import { listToolsForExport } from "../../records/list.server";
import type { ToolQuery, QueryNotice } from "../../records/query";
import { recordsEntries } from "../records/export.server";
import type { RecordsEntry } from "../records/format";
import { interopFormat, type InteropFormatKey } from "./formats";
import { docToRow, extensionArea, type Cells, type DocAgency, type InteropDoc } from "./mapping";

/**
 * A whole-record entry as a record with its operating agency (the one the mapping's agency fields
 * read): its newest revision, or with `revision` another one. The record is a copy, unless `own`
 * says the entry was made for this call alone (its record is then used as it is).
 */
export function docOfEntry(entry: RecordsEntry, revision: RecordsEntry["revisions"][number] = entry.revisions.at(-1)!, own = false): InteropDoc {
  const record = own ? revision.record : structuredClone(revision.record);
  const refs = ((record.responsibility as { agencies?: { agency: string; role: string }[] } | undefined)?.agencies ?? []);
  const ref = refs.find((r) => r.role === "operates") ?? refs.find((r) => r.role === "decides") ?? refs[0];
  const a = ref ? entry.agencies.find((x) => x.slug === ref.agency) : undefined;
  const agency: DocAgency | null = a
    ? { slug: a.slug, name: { ...a.name }, jurisdictionLevel: a.jurisdictionLevel, place: { ...a.place }, ...(a.parent ? { parentSlug: a.parent } : {}) }
    : null;
  return { record, agency };
}

/** The rows of some tools (by id, in that order) in a format. */
export function interopRows(key: InteropFormatKey, ids: readonly string[], origin: string, db: Db = getDb()): Cells[] {
  const format = interopFormat(key);
  if (!format) throw new Error(`Unknown interop format ${key}`);
  const rows: Cells[] = [];
  for (let i = 0; i < ids.length; i += 200)
    for (const e of recordsEntries(ids.slice(i, i + 200), origin, db)) {
      // The revision the import made (the first that keeps cells of this register), when the newest is a later one.
      const first = e.revisions.find((r) => extensionArea(r.record, format.mapping.register) !== undefined);
      const newest = e.revisions.at(-1)!;
      // The entries are read for this loop alone, and the two documents are of different revisions: no copies.
      rows.push(docToRow(format.mapping, docOfEntry(e, newest, true), first && first !== newest ? docOfEntry(e, first, true) : undefined));
    }
  return rows;
}

export type InteropExport = { body: string; total: number; notices: QueryNotice[] };

/**
 * The file of a list query in a format. `order`: "list" keeps the list's order (the `sort` the
 * query asked for); "id" orders by the register's tool number, which for an imported file is
 * the order of its rows (the default of /interop/*, so a file comes back in its own order).
 * `shape`: a format's other shape of file, passed to its writer (nl-1: "api", the public API's list).
 */
export function exportInterop(
  key: InteropFormatKey,
  query: ToolQuery,
  opts: { origin: string; today?: string; lang?: "zh" | "en"; order: "list" | "id"; exportedAt: string; shape?: string },
  db: Db = getDb(),
): InteropExport {
  const format = interopFormat(key);
  if (!format) throw new Error(`Unknown interop format ${key}`);
  const { total, notices, batches } = listToolsForExport(query, { today: opts.today, lang: opts.lang, batch: 500 }, db);
  const ids: string[] = [];
  for (const b of batches) for (const t of b) ids.push(t.id);
  if (opts.order === "id") ids.sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
  const rows = interopRows(key, ids, opts.origin, db);
  return { body: format.write(rows, { exportedAt: opts.exportedAt, source: `${opts.origin}/`, ...(opts.shape ? { shape: opts.shape } : {}) }), total, notices };
}
