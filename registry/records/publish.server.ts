// Writing a revision: validate the whole record first, then write the revision, the public
// projection, the agency and data-category links and the search row in one transaction.
import { getDb, stmt, type Db } from "../shared/db.server";
import { computeImpactLevel } from "../standard/impact";
import { searchRowOf, storeSearchRow, type SearchRow } from "./search/document";
import { otherTextsColumn } from "../standard/text-langs";
import type { ToolRecord } from "../standard/v1";
import { invalid, type Issue } from "../shared/errors";
import { agencySearchText, nameSortKeyOf, prepareRevision, sameNames, type PreparedRevision } from "./prepare";
import { appendEvent } from "../log/log.server";
import { confirmedAgencyIds } from "./responsibility.server";
import { mirroredFrom } from "../standard/regime";

// Agencies are written by the same callers (seeding, imports, the generator): kept importable from here.
export { upsertAgencies } from "./upsert-agencies.server";
export { prepareRevision, type PreparedRevision } from "./prepare";

/** `owned`: nothing was written because an agency owns the record now (it took it over, registry/review/take-over.server.ts). */
export type PublishResult = { toolId: string; revisionNumber: number; unchanged: boolean; owned?: true };

/**
 * Store `input` as a new revision of its tool: the editors' path, used for the embedded cases
 * and imports, outside the review workflow. A non-draft revision becomes the tool's public
 * record and is logged as "published_by_editors". If the latest revision already holds exactly
 * this record, nothing is written.
 */
export function publishRevision(input: unknown, opts: { at: string }, db: Db = getDb()): PublishResult {
  const p = prepareRevision(input, opts.at);
  const agencyIds = resolveAgencies(p.record, db);
  return db.$client.transaction((): PublishResult => writeRevision(db, p, agencyIds))();
}

/**
 * publishRevision for many records at once, in one transaction (the caller's, or its own): the
 * bulk path of the benchmark generator and of large loads. The result after commit is the one
 * of publishing the records one by one in the given order (test/integration/publish-many.test.ts),
 * except that a failure anywhere (an invalid record, an unknown agency, a taken slug) writes
 * nothing of the batch. What makes it faster: every record is validated and serialised before
 * the transaction opens, no savepoint per record, and the search rows are written once at the
 * end of the batch (the last one of a tool that appears twice): a search row written between two
 * statements that fire triggers is flushed by FTS5 as a segment of its own, the largest cost of
 * publishing one by one (docs/issue-17-profile.md).
 *
 * `prepared`: records already checked by prepareRevision (for instance in a worker thread), with
 * their search rows when it was given the agencies' names.
 */
export function publishMany(items: ({ input: unknown; at: string } | PreparedRevision)[], db: Db = getDb()): PublishResult[] {
  const prepared = items.map((i) => ("sha" in i ? i : prepareRevision(i.input, i.at)));
  return db.$client.transaction((): PublishResult[] => {
    const batch = startWriteBatch();
    const results = prepared.map((p) => writeRevision(db, p, resolveAgencies(p.record, db), batch));
    finishWriteBatch(db, batch);
    return results;
  })();
}

/**
 * Where a batch of writes inside one transaction collects what it writes once: the search rows
 * by tool seq (written at the end, the last one of each tool) and the agencies' search names by
 * id (read once per batch). Used by publishMany and the whole-record import
 * (registry/exchange/records/import.server.ts): writePublicProjection(…, batch), then
 * finishWriteBatch before the transaction ends.
 */
export type WriteBatch = { searchRows: Map<number, SearchRow>; agencyNames: Map<number, string> };

export function startWriteBatch(): WriteBatch {
  return { searchRows: new Map(), agencyNames: new Map() };
}

/** Writes what the batch held back (its search rows); inside the batch's transaction. */
export function finishWriteBatch(db: Db, batch: WriteBatch): void {
  for (const [seq, row] of batch.searchRows) storeSearchRow(db, seq, row);
  batch.searchRows.clear();
}

/** The writes of one revision, inside the caller's transaction. */
function writeRevision(db: Db, p: PreparedRevision, agencyIds: Map<string, number>, batch?: WriteBatch): PublishResult {
  const { record, json, sha } = p;
  const id = record.identity.id;
  const status = record.lifecycle.reviewStatus;
  const isPublic = status !== "draft";
  const clash = stmt(db, `SELECT id FROM tools WHERE slug = ? AND id <> ?`).get(record.identity.slug, id) as { id: string } | undefined;
  if (clash) throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: record.identity.slug, tool: clash.id } }]);

  let tool = stmt(db, `SELECT seq, owner_agency_id FROM tools WHERE id = ?`).get(id) as { seq: number; owner_agency_id?: number | null } | undefined;
  let number = 1;
  if (tool) {
    const latest = stmt(db, `SELECT number, record_sha256 FROM revisions WHERE tool_seq = ? ORDER BY number DESC LIMIT 1`).get(tool.seq) as
      | { number: number; record_sha256: string }
      | undefined;
    if (latest && latest.record_sha256 === sha) return { toolId: id, revisionNumber: latest.number, unchanged: true };
    // A record an agency owns goes through the agency's drafts and review only: the editors'
    // path (the seed run at every start) never writes over it or its open draft.
    if (latest && tool.owner_agency_id != null) return { toolId: id, revisionNumber: latest.number, unchanged: true, owned: true };
    number = ((stmt(db, `SELECT max(number) AS n FROM revisions WHERE tool_seq = ?`).get(tool.seq) as { n: number | null }).n ?? 0) + 1;
  }
  const projection = projectionOf(record, status, p.at, p.nameSortZh);
  // A new tool that becomes public at once is inserted with its whole projection (one write of
  // the row and its indexes instead of an insert and an update); a tool that has only a draft
  // exists but is not public until its first submission.
  const fresh = !tool && isPublic;
  if (!tool) tool = fresh ? insertProjectedToolRow(db, projection) : insertToolRow(db, projection);
  const rev = stmt(
    db,
    `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, submitted_at, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  ).get(tool.seq, number, status, json, sha, p.at, isPublic ? p.at : null, isPublic ? p.at : null) as { id: number };

  if (isPublic) {
    writePublicProjection(db, { seq: tool.seq, revisionId: rev.id, record, status, at: p.at, agencyIds, projection, projected: fresh, search: p.search }, batch);
    // Records the editors register directly (the embedded cases) enter the public log too.
    appendEvent(
      {
        kind: "published_by_editors",
        toolId: id,
        actor: "editors",
        at: p.at,
        payload: { revision: number, recordSha256: sha, reviewStatus: status, deploymentStatus: record.lifecycle.deploymentStatus },
      },
      db,
    );
  }
  return { toolId: id, revisionNumber: number, unchanged: false };
}

/** The row of a new public tool with its whole projection but no published revision yet (writePublicProjection sets it). */
function insertProjectedToolRow(db: Db, projection: ReturnType<typeof projectionOf>): { seq: number } {
  return stmt(
    db,
    `INSERT INTO tools (id, slug, name_zh, name_en, name_sort_zh, summary_zh, summary_en, kind, jurisdiction_level, place_zh, place_en,
       policy_domain, deployment_status, review_status, impact_level, sunset_date, retired_on, retirement_reason_zh, retirement_reason_en,
       texts_other, regime, has_sensitive_data, incident_count, created_at, updated_at)
     VALUES (@id, @slug, @nameZh, @nameEn, @nameSortZh, @summaryZh, @summaryEn, @kind, @level, @placeZh, @placeEn,
       @domain, @deployment, @review, @impact, @sunset, @retiredOn, @retirementZh, @retirementEn,
       @textsOther, @regime, @sensitive, @incidents, @at, @at) RETURNING seq`,
  ).get(projection) as { seq: number };
}

/** The row of a new tool (not public until writePublicProjection gives it a published revision). */
export function insertToolRow(db: Db, projection: ReturnType<typeof projectionOf>): { seq: number } {
  return stmt(
    db,
    `INSERT INTO tools (id, slug, kind, jurisdiction_level, policy_domain, deployment_status, review_status, regime, created_at, updated_at)
     VALUES (@id, @slug, @kind, @level, @domain, @deployment, @review, @regime, @at, @at) RETURNING seq`,
  ).get(projection) as { seq: number };
}

/**
 * Make a revision the tool's public record: the `tools` projection, agency and data-category
 * links and the search row. Runs inside the caller's transaction. Only confirmed agency links
 * (registry/records/responsibility.server.ts) are projected and searchable: an agency another agency's
 * official named without its consent is not listed as responsible anywhere but in the record.
 */
export function writePublicProjection(
  db: Db,
  p: {
    seq: number;
    revisionId: number;
    record: ToolRecord;
    status: string;
    at: string;
    agencyIds: Map<string, number>;
    /** projectionOf(record, status, at), when the caller has it already. */
    projection?: ReturnType<typeof projectionOf>;
    /** The row was just inserted with this projection (insertProjectedToolRow): only the published revision is left to set. */
    projected?: boolean;
    /** A search row computed ahead (prepareRevision), used only if it was for the agencies found confirmed here. */
    search?: PreparedRevision["search"];
  },
  batch?: WriteBatch,
): void {
  const { record, agencyIds } = p;
  if (p.projected) stmt(db, `UPDATE tools SET published_revision_id = ? WHERE seq = ?`).run(p.revisionId, p.seq);
  else stmt(
    db,
    `UPDATE tools SET slug = @slug, published_revision_id = @rev, name_zh = @nameZh, name_en = @nameEn, name_sort_zh = @nameSortZh, summary_zh = @summaryZh,
       summary_en = @summaryEn, kind = @kind, jurisdiction_level = @level, place_zh = @placeZh, place_en = @placeEn,
       policy_domain = @domain, deployment_status = @deployment, review_status = @review, impact_level = @impact,
       sunset_date = @sunset, retired_on = @retiredOn, retirement_reason_zh = @retirementZh,
       retirement_reason_en = @retirementEn, texts_other = @textsOther, regime = @regime, has_sensitive_data = @sensitive, incident_count = @incidents, updated_at = @at
     WHERE seq = @seq`,
  ).run({ ...(p.projection ?? projectionOf(record, p.status, p.at)), rev: p.revisionId, seq: p.seq });

  const confirmed = new Set(confirmedAgencyIds(db, p.seq, agencyIds.values()));
  stmt(db, `DELETE FROM tool_agencies WHERE tool_seq = ?`).run(p.seq);
  const link = stmt(db, `INSERT OR IGNORE INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, ?)`);
  for (const ref of record.responsibility.agencies) {
    const agencyId = agencyIds.get(ref.agency)!;
    if (confirmed.has(agencyId)) link.run(p.seq, agencyId, ref.role);
  }

  stmt(db, `DELETE FROM tool_incidents WHERE tool_seq = ?`).run(p.seq);
  const incident = stmt(
    db,
    `INSERT INTO tool_incidents (tool_seq, position, kind, date, title_zh, title_en, people_affected, regulator_notified) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  record.incidents.forEach((i, n) =>
    incident.run(p.seq, n, i.kind, i.date, i.title.zh ?? null, i.title.en ?? null, i.peopleAffected ?? null, i.regulatorNotified === undefined ? null : i.regulatorNotified ? 1 : 0),
  );

  stmt(db, `DELETE FROM tool_data_categories WHERE tool_seq = ?`).run(p.seq);
  const cat = stmt(db, `INSERT OR IGNORE INTO tool_data_categories (tool_seq, category) VALUES (?, ?)`);
  for (const e of record.dataScope.elements) cat.run(p.seq, e.category);

  const agencyNames = [...agencyIds.values()].filter((id) => confirmed.has(id)).map((id) => agencySearchName(db, id, batch));
  const row = p.search && sameNames(p.search.agencyNames, agencyNames) ? p.search.row : searchRowOf(record, agencyNames);
  if (batch) batch.searchRows.set(p.seq, row);
  else storeSearchRow(db, p.seq, row);
}

/** An agency's names as the search row holds them (a batch reads each agency once). */
function agencySearchName(db: Db, id: number, batch?: WriteBatch): string {
  const known = batch?.agencyNames.get(id);
  if (known !== undefined) return known;
  const a = stmt(db, `SELECT name_zh, name_en FROM agencies WHERE id = ?`).get(id) as { name_zh: string | null; name_en: string | null };
  const name = agencySearchText(a.name_zh, a.name_en);
  batch?.agencyNames.set(id, name);
  return name;
}

/** The `tools` columns of a record. */
export function projectionOf(record: ToolRecord, status: string, at: string, nameSortZh?: string | null) {
  return {
    id: record.identity.id,
    slug: record.identity.slug,
    nameZh: record.identity.name.zh ?? null,
    nameEn: record.identity.name.en ?? null,
    nameSortZh: nameSortZh === undefined ? nameSortKeyOf(record) : nameSortZh,
    summaryZh: record.identity.summary.zh ?? null,
    summaryEn: record.identity.summary.en ?? null,
    kind: record.identity.kind,
    level: record.identity.jurisdiction.level,
    placeZh: record.identity.jurisdiction.place.zh ?? null,
    placeEn: record.identity.jurisdiction.place.en ?? null,
    domain: record.identity.policyDomain,
    deployment: record.lifecycle.deploymentStatus,
    review: status,
    impact: record.assessments.impact ? computeImpactLevel(record.assessments.impact).level : null,
    sunset: record.lifecycle.sunsetDate,
    retiredOn: record.lifecycle.retirement?.date ?? null,
    retirementZh: record.lifecycle.retirement?.reason.zh ?? null,
    retirementEn: record.lifecycle.retirement?.reason.en ?? null,
    textsOther: otherTextsColumn({
      name: record.identity.name,
      summary: record.identity.summary,
      place: record.identity.jurisdiction.place,
      retirementReason: record.lifecycle.retirement?.reason,
    }),
    // "this_register", or the key of the register a mirrored record comes from (registry/standard/regime.ts).
    regime: mirroredFrom(record)?.register ?? "this_register",
    sensitive: record.dataScope.elements.some((e) => e.sensitive) ? 1 : 0,
    incidents: record.incidents.length,
    at,
  };
}

/** Agency slugs of a record resolved to ids; field errors for unknown slugs. */
export function resolveAgencies(record: ToolRecord, db: Db): Map<string, number> {
  const agencyIds = new Map<string, number>();
  const errors: Issue[] = [];
  record.responsibility.agencies.forEach((ref, i) => {
    const row = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(ref.agency) as { id: number } | undefined;
    if (row) agencyIds.set(ref.agency, row.id);
    else errors.push({ code: "err_agency_unknown", path: `responsibility.agencies.${i}.agency`, params: { agency: ref.agency } });
  });
  if (errors.length) throw invalid(errors);
  return agencyIds;
}
