// The whole-record export (/records.ndjson, /records.json): the tools a list query selects, in
// the list's order, each as a `RecordsEntry` (./format.ts) with every public revision and the
// agencies its records name. Read in batches of tools, so memory stays flat however many tools
// the register holds.
import { getDb, stmt, type Db } from "../../shared/db.server";
import { listToolsForExport } from "../../records/list.server";
import type { QueryNotice, ToolQuery } from "../../records/query";
import { absolute, paths } from "../../shared/urls";
import type { Agency } from "../../standard/agency";
import type { RecordsEntry, RecordsRevision } from "./format";

type RevisionRow = {
  tool_id: string;
  number: number;
  status: RecordsRevision["status"];
  record: string;
  record_sha256: string;
  created_at: string;
  submitted_at: string | null;
  published_at: string | null;
};
type AgencyRow = {
  id: number;
  slug: string;
  name_zh: string | null;
  name_en: string | null;
  parent_slug: string | null;
  jurisdiction_level: Agency["jurisdictionLevel"];
  place_zh: string | null;
  place_en: string | null;
  website: string | null;
};

const text = (zh: string | null, en: string | null) => ({ ...(zh ? { zh } : {}), ...(en ? { en } : {}) });

/** An agency row in the shape of AgencySchema (registry/standard/agency.ts). */
function agencyOf(r: AgencyRow): Agency {
  return {
    slug: r.slug,
    name: text(r.name_zh, r.name_en),
    ...(r.parent_slug ? { parent: r.parent_slug } : {}),
    jurisdictionLevel: r.jurisdiction_level,
    place: text(r.place_zh, r.place_en),
    ...(r.website ? { website: r.website } : {}),
  };
}

/**
 * The agencies with these slugs and their ancestors, each before the agencies it is the parent
 * of is not required by the import (it links parents after creating them); named ones first, in
 * the order named, then ancestors.
 */
function agenciesNamed(slugs: string[], db: Db, known: Map<string, AgencyRow | undefined> = new Map()): Agency[] {
  const bySlug = stmt(
    db,
    `SELECT a.id, a.slug, a.name_zh, a.name_en, p.slug AS parent_slug, a.jurisdiction_level, a.place_zh, a.place_en, a.website
     FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.slug = ?`,
  );
  const out: Agency[] = [];
  const seen = new Set<string>();
  const queue = [...slugs];
  while (queue.length) {
    const slug = queue.shift()!;
    if (seen.has(slug)) continue;
    seen.add(slug);
    // The tools of a batch name the same few agencies: each is read once per batch.
    if (!known.has(slug)) known.set(slug, bySlug.get(slug) as AgencyRow | undefined);
    const row = known.get(slug);
    if (!row) continue;
    out.push(agencyOf(row));
    if (row.parent_slug) queue.push(row.parent_slug);
  }
  return out;
}

/** The entries of some tools (by id), in the given order. Drafts are never read. */
export function recordsEntries(ids: readonly string[], origin: string, db: Db = getDb()): RecordsEntry[] {
  if (!ids.length) return [];
  const rows = stmt(
    db,
    `SELECT t.id AS tool_id, r.number, r.status, r.record, r.record_sha256, r.created_at, r.submitted_at, r.published_at
     FROM revisions r JOIN tools t ON t.seq = r.tool_seq
     WHERE t.id IN (${ids.map(() => "?").join(", ")}) AND r.status <> 'draft' ORDER BY r.tool_seq, r.number`,
  ).all(...ids) as RevisionRow[];
  const byTool = new Map<string, RevisionRow[]>();
  for (const r of rows) {
    const revs = byTool.get(r.tool_id);
    if (revs) revs.push(r);
    else byTool.set(r.tool_id, [r]);
  }
  const agencies = new Map<string, AgencyRow | undefined>();
  const out: RecordsEntry[] = [];
  for (const id of ids) {
    const revs = byTool.get(id);
    if (!revs?.length) continue;
    const revisions: RecordsRevision[] = revs.map((r) => ({
      number: r.number,
      status: r.status,
      createdAt: r.created_at,
      submittedAt: r.submitted_at,
      // Every revision made public has its publication time (publishRevision, submission).
      publishedAt: r.published_at ?? r.submitted_at ?? r.created_at,
      recordSha256: r.record_sha256,
      record: JSON.parse(r.record) as Record<string, unknown>,
    }));
    const newest = revisions.at(-1)!;
    const named: string[] = [];
    for (const rev of revisions) {
      const refs = (rev.record.responsibility as { agencies?: { agency?: unknown }[] } | undefined)?.agencies ?? [];
      for (const ref of refs) if (typeof ref.agency === "string") named.push(ref.agency);
    }
    const identity = newest.record.identity as { slug?: string } | undefined;
    out.push({
      id,
      slug: identity?.slug ?? "",
      standardVersion: String(newest.record.standardVersion ?? ""),
      url: absolute(origin, paths.tool(id)),
      agencies: agenciesNamed(named, db, agencies),
      revisions,
      updatedOn: newest.publishedAt.slice(0, 10),
    });
  }
  return out;
}

/** Every entry of the query, in the list's order, `batch` tools at a time. */
export function* exportRecords(
  query: ToolQuery,
  opts: { origin: string; today?: string; lang?: "zh" | "en"; batch?: number },
  db: Db = getDb(),
): Generator<RecordsEntry[], { total: number; notices: QueryNotice[] }> {
  const { total, notices, batches } = listToolsForExport(query, { today: opts.today, lang: opts.lang, batch: opts.batch ?? 100 }, db);
  for (const batch of batches) yield recordsEntries(batch.map((t) => t.id), opts.origin, db);
  return { total, notices };
}
