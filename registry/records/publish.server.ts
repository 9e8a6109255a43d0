// Writing a revision: validate the whole record first, then write the revision, the public
// projection, the agency and data-category links and the search row in one transaction.
import { createHash } from "node:crypto";
import { canonicalJson } from "../shared/canonical-json";
import { getDb, stmt, type Db } from "../shared/db.server";
import { computeImpactLevel } from "../standard/impact";
import { searchRowOf, storeSearchRow } from "./search/document";
import { sortKeyZh } from "./search/pinyin";
import { allLangs, otherTextsColumn } from "../standard/text-langs";
import { ToolRecord } from "../standard/v1";
import { invalid, zodIssues, type Issue } from "../shared/errors";
import { AgencySchema, type Agency } from "../standard/agency";
import { appendEvent } from "../log/log.server";
import { confirmedAgencyIds } from "./responsibility.server";
import { mirroredFrom } from "../standard/regime";



/** Insert or update agencies by slug (parents first is not required: parents are linked after). */
export function upsertAgencies(input: unknown[], db: Db = getDb()): number {
  const parsed: Agency[] = input.map((a, i) => {
    const r = AgencySchema.safeParse(a);
    if (!r.success) throw invalid(zodIssues(r.error, `agencies.${i}`));
    return r.data;
  });
  const upsert = stmt(
    db,
    `INSERT INTO agencies (slug, name_zh, name_en, jurisdiction_level, place_zh, place_en, website)
     VALUES (@slug, @nameZh, @nameEn, @level, @placeZh, @placeEn, @website)
     ON CONFLICT(slug) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
       jurisdiction_level = excluded.jurisdiction_level, place_zh = excluded.place_zh, place_en = excluded.place_en,
       website = excluded.website`,
  );
  const setParent = stmt(db, `UPDATE agencies SET parent_id = (SELECT id FROM agencies WHERE slug = @parent) WHERE slug = @slug`);
  db.$client.transaction(() => {
    for (const a of parsed) {
      upsert.run({ slug: a.slug, nameZh: a.name.zh ?? null, nameEn: a.name.en ?? null, level: a.jurisdictionLevel, placeZh: a.place.zh ?? null, placeEn: a.place.en ?? null, website: a.website ?? null });
    }
    for (const a of parsed) {
      if (a.parent && !parsed.some((p) => p.slug === a.parent) && !stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(a.parent))
        throw invalid([{ code: "err_agency_unknown", path: `agencies.${a.slug}.parent`, params: { agency: a.parent } }]);
      setParent.run({ slug: a.slug, parent: a.parent ?? null });
    }
  })();
  return parsed.length;
}

/** `owned`: nothing was written because an agency owns the record now (it took it over, registry/review/take-over.server.ts). */
export type PublishResult = { toolId: string; revisionNumber: number; unchanged: boolean; owned?: true };

/**
 * Store `input` as a new revision of its tool: the editors' path, used for the embedded cases
 * and imports, outside the review workflow. A non-draft revision becomes the tool's public
 * record and is logged as "published_by_editors". If the latest revision already holds exactly
 * this record, nothing is written.
 */
export function publishRevision(input: unknown, opts: { at: string }, db: Db = getDb()): PublishResult {
  const parsed = ToolRecord.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  const record = parsed.data;
  const id = record.identity.id;
  const json = canonicalJson(record);
  const sha = createHash("sha256").update(json).digest("hex");
  const status = record.lifecycle.reviewStatus;
  const isPublic = status !== "draft";

  const agencyIds = resolveAgencies(record, db);

  return db.$client.transaction((): PublishResult => {
    const clash = stmt(db, `SELECT id FROM tools WHERE slug = ? AND id <> ?`).get(record.identity.slug, id) as { id: string } | undefined;
    if (clash) throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: record.identity.slug, tool: clash.id } }]);

    let tool = stmt(db, `SELECT seq, owner_agency_id FROM tools WHERE id = ?`).get(id) as { seq: number; owner_agency_id?: number | null } | undefined;
    if (tool) {
      const latest = stmt(db, `SELECT number, record_sha256 FROM revisions WHERE tool_seq = ? ORDER BY number DESC LIMIT 1`).get(tool.seq) as
        | { number: number; record_sha256: string }
        | undefined;
      if (latest && latest.record_sha256 === sha) return { toolId: id, revisionNumber: latest.number, unchanged: true };
      // A record an agency owns goes through the agency's drafts and review only: the editors'
      // path (the seed run at every start) never writes over it or its open draft.
      if (latest && tool.owner_agency_id != null) return { toolId: id, revisionNumber: latest.number, unchanged: true, owned: true };
    }
    const projection = projectionOf(record, status, opts.at);
    if (!tool) {
      // A tool that has only a draft exists but is not public until its first submission.
      tool = insertToolRow(db, projection);
    }
    const number =
      ((stmt(db, `SELECT max(number) AS n FROM revisions WHERE tool_seq = ?`).get(tool.seq) as { n: number | null }).n ?? 0) + 1;
    const rev = stmt(
      db,
      `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, submitted_at, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    ).get(tool.seq, number, status, json, sha, opts.at, isPublic ? opts.at : null, isPublic ? opts.at : null) as { id: number };

    if (isPublic) {
      writePublicProjection(db, { seq: tool.seq, revisionId: rev.id, record, status, at: opts.at, agencyIds });
      // Records the editors register directly (the embedded cases) enter the public log too.
      appendEvent(
        {
          kind: "published_by_editors",
          toolId: id,
          actor: "editors",
          at: opts.at,
          payload: { revision: number, recordSha256: sha, reviewStatus: status, deploymentStatus: record.lifecycle.deploymentStatus },
        },
        db,
      );
    }
    return { toolId: id, revisionNumber: number, unchanged: false };
  })();
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
  p: { seq: number; revisionId: number; record: ToolRecord; status: string; at: string; agencyIds: Map<string, number> },
): void {
  const { record, agencyIds } = p;
  stmt(
    db,
    `UPDATE tools SET slug = @slug, published_revision_id = @rev, name_zh = @nameZh, name_en = @nameEn, name_sort_zh = @nameSortZh, summary_zh = @summaryZh,
       summary_en = @summaryEn, kind = @kind, jurisdiction_level = @level, place_zh = @placeZh, place_en = @placeEn,
       policy_domain = @domain, deployment_status = @deployment, review_status = @review, impact_level = @impact,
       sunset_date = @sunset, retired_on = @retiredOn, retirement_reason_zh = @retirementZh,
       retirement_reason_en = @retirementEn, texts_other = @textsOther, regime = @regime, has_sensitive_data = @sensitive, incident_count = @incidents, updated_at = @at
     WHERE seq = @seq`,
  ).run({ ...projectionOf(record, p.status, p.at), rev: p.revisionId, seq: p.seq });

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

  const agencyNames = [...agencyIds.values()]
    .filter((id) => confirmed.has(id))
    .map((id) => stmt(db, `SELECT name_zh, name_en FROM agencies WHERE id = ?`).get(id) as { name_zh: string | null; name_en: string | null })
    .map((a) => [a.name_zh, a.name_en].filter(Boolean).join(" "));
  storeSearchRow(db, p.seq, searchRowOf(record, agencyNames));
}

/** The `tools` columns of a record. */
export function projectionOf(record: ToolRecord, status: string, at: string) {
  return {
    id: record.identity.id,
    slug: record.identity.slug,
    nameZh: record.identity.name.zh ?? null,
    nameEn: record.identity.name.en ?? null,
    nameSortZh: sortKeyZh(record.identity.name.zh ?? record.identity.name.en ?? allLangs(record.identity.name)[0]),
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
