// What of a record is searchable: the row written to `tool_search` (name, body, uni) when a
// revision becomes public (registry/records/publish.server.ts) and when the stored rows are
// rewritten for a new scheme (reindex.server.ts).
//
// - name: the names in every language they have (zh, en and any other, issue 15), the id, the
//   slug's words, and the pinyin of the Chinese name (search/pinyin.ts), so BM25 (name weighted first) ranks a name match above the rest;
// - body: the record's texts (every language), its place, data elements, incidents, the confirmed agencies' names,
//   and the labels (both languages) of the coded values the record shows: tool kind, policy
//   domain, deployment status, data categories and incident kinds (数据泄露 finds a breach), and
//   the pinyin of the place (zhengzhou).
import { stmt, type Db } from "../../shared/db.server";
import { LABELS, type LabelGroup } from "../../standard/labels";
import type { LocalizedText, ToolRecord } from "../../standard/v1";
import { allLangs } from "../../standard/text-langs";
import { pinyinTokens } from "./pinyin";
import { indexTokens } from "./tokenize";

/**
 * The version of what this module and search/pinyin.ts write. Raise it whenever the stored search
 * rows or `tools.name_sort_zh` would come out differently (including a changed label in
 * registry/standard/labels.ts of a group indexed here): `npm run db:migrate` then rewrites them
 * for every published tool (reindex.server.ts).
 *
 * Not raised for text in other languages (issue 15): records published before could hold only zh
 * and en, whose rows come out as they did.
 */
export const SEARCH_SCHEME_VERSION = 1;

/** A text in every language it has: zh, en and any other (a Dutch word finds a mirrored record). */
const both = (t: LocalizedText | undefined) => allLangs(t).join(" ");

function labelsOf(group: LabelGroup, values: Iterable<string>): string[] {
  const table = LABELS[group] as Record<string, { zh: string; en: string }>;
  return [...new Set(values)].flatMap((v) => (table[v] ? [`${table[v].zh} ${table[v].en}`] : []));
}

export type SearchRow = { name: string; body: string; uni: string };

/** The search row of a record; `agencyNames` are the names of its confirmed agencies. */
export function searchRowOf(record: ToolRecord, agencyNames: string[]): SearchRow {
  const nameText = [both(record.identity.name), record.identity.id, record.identity.slug.replace(/-/g, " ")].join(" ");
  const bodyText = [
    both(record.identity.summary),
    both(record.identity.description),
    both(record.identity.jurisdiction.place),
    both(record.purpose.purpose),
    both(record.howItWorks.logic),
    ...record.dataScope.elements.map((e) => both(e.name)),
    ...record.incidents.map((i) => `${both(i.title)} ${both(i.description)}`),
    ...agencyNames,
    ...labelsOf("kind", [record.identity.kind]),
    ...labelsOf("policyDomain", [record.identity.policyDomain]),
    ...labelsOf("status", [record.lifecycle.deploymentStatus]),
    ...labelsOf("category", record.dataScope.elements.map((e) => e.category)),
    ...labelsOf("incident", record.incidents.map((i) => i.kind)),
  ].join("\n");
  const name = indexTokens(nameText);
  const body = indexTokens(bodyText);
  const pinyin = record.identity.name.zh ? pinyinTokens(record.identity.name.zh) : [];
  const placePinyin = record.identity.jurisdiction.place.zh ? pinyinTokens(record.identity.jurisdiction.place.zh) : [];
  return { name: [name.words, ...pinyin].join(" "), body: [body.words, ...placePinyin].join(" "), uni: `${name.unigrams} ${body.unigrams}` };
}

/** Replace the search row of the tool `seq` (inside the caller's transaction). */
export function storeSearchRow(db: Db, seq: number, row: SearchRow): void {
  stmt(db, `DELETE FROM tool_search WHERE rowid = ?`).run(seq);
  stmt(db, `INSERT INTO tool_search (rowid, name, body, uni) VALUES (?, ?, ?, ?)`).run(seq, row.name, row.body, row.uni);
}
