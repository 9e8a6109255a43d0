// Rewrites what the search code computes from records — the `tool_search` rows and
// `tools.name_sort_zh` — for every published tool, when the stored scheme version (table
// `search_scheme`, migration 0020) differs from SEARCH_SCHEME_VERSION. Run by
// `npm run db:migrate` (scripts/migrate.server.ts) after the migrations; idempotent, and a single
// query when nothing is stale.
import { allLangs } from "../../standard/text-langs";
import { getDb, stmt, type Db } from "../../shared/db.server";
import { readStoredRecord } from "../../standard/v1";
import { SEARCH_SCHEME_VERSION, searchRowOf, storeSearchRow } from "./document";
import { optimizeSearchIndex } from "./optimize.server";
import { sortKeyZh } from "./pinyin";

const BATCH = 1000;

/** The scheme version the stored search data was written at (0 before the first reindex). */
export function storedSearchScheme(db: Db = getDb()): number {
  return (stmt(db, `SELECT version FROM search_scheme WHERE id = 1`).get() as { version: number } | undefined)?.version ?? 0;
}

/** Rewrites the search rows and Chinese sort keys when they are stale; the number of tools rewritten (null when nothing was stale). */
export function reindexSearch(db: Db = getDb(), opts: { force?: boolean } = {}): number | null {
  if (!opts.force && storedSearchScheme(db) === SEARCH_SCHEME_VERSION) return null;
  const seqs = db.$client.prepare(`SELECT seq FROM tools WHERE published_revision_id IS NOT NULL ORDER BY seq`).pluck().all() as number[];
  const read = `SELECT r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.seq = ?`;
  const links = `SELECT DISTINCT a.slug, a.name_zh, a.name_en FROM tool_agencies ta JOIN agencies a ON a.id = ta.agency_id WHERE ta.tool_seq = ?`;
  for (let i = 0; i < seqs.length; i += BATCH) {
    db.$client.transaction(() => {
      for (const seq of seqs.slice(i, i + BATCH)) {
        const record = readStoredRecord((stmt(db, read).get(seq) as { record: string }).record);
        // The projected (confirmed) agencies, in the record's order, as publishing names them.
        const linked = new Map(
          (stmt(db, links).all(seq) as { slug: string; name_zh: string | null; name_en: string | null }[]).map((a) => [a.slug, [a.name_zh, a.name_en].filter(Boolean).join(" ")]),
        );
        const names = [...new Set(record.responsibility.agencies.map((r) => r.agency))].flatMap((slug) => (linked.has(slug) ? [linked.get(slug)!] : []));
        storeSearchRow(db, seq, searchRowOf(record, names));
        stmt(db, `UPDATE tools SET name_sort_zh = ? WHERE seq = ?`).run(sortKeyZh(record.identity.name.zh ?? record.identity.name.en ?? allLangs(record.identity.name)[0]), seq);
      }
    })();
  }
  db.$client.transaction(() => {
    stmt(db, `UPDATE search_scheme SET version = ? WHERE id = 1`).run(SEARCH_SCHEME_VERSION);
    // Search hits are cached with the list index's version: make every process read afresh.
    stmt(db, `UPDATE list_version SET version = version + 1 WHERE id = 1`).run();
  })();
  if (seqs.length) optimizeSearchIndex(db);
  return seqs.length;
}
