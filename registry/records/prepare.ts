// The pure part of publishing a revision (no database): validate the record, serialise it as
// canonical JSON and hash it, and, when the agencies' search names are given, compute its search
// row and Chinese sort key ahead. Pure, so that a bulk writer can run it in worker threads
// while its main thread writes the batch before (test/bench/generate-worker.ts); publishMany
// (publish.server.ts) takes the result.
import { createHash } from "node:crypto";
import { canonicalJson } from "../shared/canonical-json";
import { invalid, zodIssues } from "../shared/errors";
import { allLangs } from "../standard/text-langs";
import { ToolRecord } from "../standard/v1";
import { searchRowOf, type SearchRow } from "./search/document";
import { sortKeyZh } from "./search/pinyin";

/**
 * A record checked and serialised, ready to write. `search`, when present, is the search row
 * computed for these agency names (the record's agencies in its order, each once); the writer
 * uses it only if the names of the agencies it finds confirmed are exactly these, and computes
 * the row itself otherwise. `nameSortZh`, when present, is the record's Chinese sort key.
 */
export type PreparedRevision = {
  record: ToolRecord;
  json: string;
  sha: string;
  at: string;
  search?: { agencyNames: string[]; row: SearchRow };
  nameSortZh?: string | null;
};

/** The sort key of a record's name in the `tools` projection (`name_sort_zh`). */
export function nameSortKeyOf(record: ToolRecord): string | null {
  return sortKeyZh(record.identity.name.zh ?? record.identity.name.en ?? allLangs(record.identity.name)[0]);
}

/**
 * Validates `input` and computes its canonical JSON and hash; throws the field errors of an
 * invalid record. With `agencyName` (an agency's search name by slug, as the writer reads it
 * from `agencies`), also the search row and sort key; an unknown slug leaves the row to the writer.
 */
export function prepareRevision(input: unknown, at: string, agencyName?: (slug: string) => string | undefined): PreparedRevision {
  const parsed = ToolRecord.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const record = parsed.data;
  const json = canonicalJson(record);
  const prepared: PreparedRevision = { record, json, sha: createHash("sha256").update(json).digest("hex"), at };
  if (!agencyName) return prepared;
  prepared.nameSortZh = nameSortKeyOf(record);
  const slugs = [...new Set(record.responsibility.agencies.map((a) => a.agency))];
  const names = slugs.map(agencyName);
  if (names.every((n): n is string => n !== undefined)) prepared.search = { agencyNames: names, row: searchRowOf(record, names) };
  return prepared;
}

/** The same strings in the same order. */
export function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** An agency's names as its tools' search rows hold them. */
export function agencySearchText(nameZh: string | null | undefined, nameEn: string | null | undefined): string {
  return [nameZh, nameEn].filter(Boolean).join(" ");
}
