// The whole-record import: a file of the whole-record format (./format.ts), as /records.ndjson
// and /records.json give it, brought into this register exactly as it was: each tool keeps its
// id and slug, each revision its number, status, dates and record bytes (so its recordSha256).
// Every entry is checked before anything is written; then the whole file is written in one
// transaction, or nothing is. Each imported revision is logged in the hash chain ("imported",
// which the chain check reads as publishing with the logged status), and the tool's public
// projection is written by the same function publishing uses.
//
// Admins only: a whole record carries review statuses and dates only the review process may
// give, which an agency's official cannot set (officials import drafts, ../import).
import { createHash } from "node:crypto";
import type { Ctx } from "../../shared/context";
import { canonicalJson } from "../../shared/canonical-json";
import { stmt, underWriteLock, type Db } from "../../shared/db.server";
import { RegistryError, zodIssues, type Issue } from "../../shared/errors";
import { publicActor, type Actor } from "../../auth/roles";
import { ToolRecord } from "../../standard/v1";
import { appendEvent } from "../../log/log.server";
import { finishWriteBatch, insertToolRow, projectionOf, resolveAgencies, startWriteBatch, upsertAgencies, writePublicProjection, type WriteBatch } from "../../records/publish.server";
import type { FileNotice } from "../import/columns";
import { RecordsEntry } from "./format";
import { readRecordsText, type RawEntry, type RecordsFileFormat } from "./read";

/** A problem of one entry: an issue (worded by app/i18n), and the revision it is in, if any. */
export type EntryProblem = Issue & { revision?: number };
export type EntryReport = { place: RawEntry["place"]; id: string | null; revisions: number; problems: EntryProblem[] };
export type RecordsImportResult = "file_refused" | "refused" | "checked" | "imported";
export type RecordsImportReport = {
  result: RecordsImportResult;
  format: RecordsFileFormat | null;
  fileNotices: FileNotice[];
  entries: EntryReport[];
  written: { tools: number; revisions: number; agencies: number };
};

type Checked = { entry: RecordsEntry; records: ToolRecord[]; newAgencies: RecordsEntry["agencies"] };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** The only role that may import whole records: refused with a reason for everyone else. */
export function requireRecordsImporter(actor: Actor | null): asserts actor is Actor {
  if (!actor || actor.role !== "admin") throw new RegistryError("forbidden", { issues: [{ code: "err_records_import_admin_only" }] });
}

/** A key path of the format ("revisions[2].recordSha256"), for problems with the entry's own fields. */
function placeOf(path: PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === "number" ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), "");
}

/** The format's problems of an entry, in the words of app/i18n, never zod's. */
export function formatProblems(error: import("zod").ZodError): EntryProblem[] {
  return error.issues.map((i): EntryProblem => {
    const raw = i as unknown as { keys?: string[] };
    const revision = i.path[0] === "revisions" && typeof i.path[1] === "number" ? i.path[1] + 1 : undefined;
    const place = placeOf(i.path);
    const top = i.path.length === 0;
    const p: EntryProblem =
      i.code === "unrecognized_keys"
        ? { code: top ? "err_records_entry_unknown_fields" : "err_records_unknown_fields", params: { place, keys: (raw.keys ?? []).join(", ") } }
        : { code: top ? "err_records_entry_invalid" : "err_records_field_invalid", params: { place } };
    return revision === undefined ? p : { ...p, revision };
  });
}

/**
 * Checks (and unless `dryRun`, imports) a whole-record file. Throws RegistryError "forbidden" for
 * anyone but an admin; every problem with the file or its entries is in the report.
 */
export function importRecords(ctx: Ctx, input: { text: string; createAgencies?: boolean; dryRun?: boolean }): RecordsImportReport {
  const { actor, db, now } = ctx;
  requireRecordsImporter(actor);
  const written = { tools: 0, revisions: 0, agencies: 0 };
  const read = readRecordsText(input.text);
  if (!read.ok) return { result: "file_refused", format: read.format, fileNotices: read.notices, entries: [], written };
  return underWriteLock(db, () => {
    const reports: EntryReport[] = [];
    const checked: Checked[] = [];
    const ids = new Map<string, string>();
    const slugs = new Map<string, string>();
    for (const raw of read.entries) {
      const report: EntryReport = { place: raw.place, id: null, revisions: 0, problems: [] };
      reports.push(report);
      const c = checkEntry(raw, report, { createAgencies: Boolean(input.createAgencies), ids, slugs }, db);
      if (c) checked.push(c);
    }
    const refused = reports.some((r) => r.problems.length);
    const report = (result: RecordsImportResult): RecordsImportReport => ({ result, format: read.format, fileNotices: [], entries: reports, written });
    if (refused) return report("refused");
    if (input.dryRun) return report("checked");
    const at = now.toISOString();
    const actorName = publicActor(actor);
    // One transaction for the file (a savepoint of the write lock's): a failure anywhere leaves nothing.
    db.$client.transaction(() => {
      const agencies = checked.flatMap((c) => c.newAgencies).filter((a, i, all) => all.findIndex((b) => b.slug === a.slug) === i);
      if (agencies.length) {
        written.agencies = upsertAgencies(agencies, db);
        for (const a of agencies) appendEvent({ kind: "agency_created", toolId: null, actor: actorName, at, payload: { slug: a.slug, name: a.name, parent: a.parent ?? null, level: a.jurisdictionLevel, imported: true } }, db);
      }
      // The search rows are written once, after every entry (publishMany does the same).
      const batch = startWriteBatch();
      for (const c of checked) written.revisions += writeEntry(c, { at, actorName }, db, batch);
      finishWriteBatch(db, batch);
      written.tools = checked.length;
    })();
    return report("imported");
  });
}

function checkEntry(raw: RawEntry, report: EntryReport, opts: { createAgencies: boolean; ids: Map<string, string>; slugs: Map<string, string> }, db: Db): Checked | null {
  const problems = report.problems;
  if (raw.value && typeof raw.value === "object" && typeof (raw.value as { id?: unknown }).id === "string") report.id = (raw.value as { id: string }).id;
  const parsed = RecordsEntry.safeParse(raw.value);
  if (!parsed.success) {
    problems.push(...formatProblems(parsed.error));
    return null;
  }
  const entry = parsed.data;
  report.revisions = entry.revisions.length;
  const where = "line" in raw.place ? `line ${raw.place.line}` : `entry ${raw.place.item}`;

  if (opts.ids.has(entry.id)) problems.push({ code: "err_records_id_repeated", params: { id: entry.id, first: opts.ids.get(entry.id)! } });
  else opts.ids.set(entry.id, where);
  if (opts.slugs.has(entry.slug)) problems.push({ code: "err_records_slug_repeated", params: { slug: entry.slug, first: opts.slugs.get(entry.slug)! } });
  else opts.slugs.set(entry.slug, where);
  if (stmt(db, `SELECT 1 FROM tools WHERE id = ?`).get(entry.id)) problems.push({ code: "err_records_id_exists", params: { id: entry.id } });
  const owner = stmt(db, `SELECT id FROM tools WHERE slug = ?`).get(entry.slug) as { id: string } | undefined;
  if (owner && owner.id !== entry.id) problems.push({ code: "err_slug_taken", params: { slug: entry.slug, tool: owner.id } });

  const records: ToolRecord[] = [];
  let previous = 0;
  for (const rev of entry.revisions) {
    if (rev.number <= previous) problems.push({ code: "err_records_revisions_order", revision: rev.number, params: { revision: rev.number } });
    previous = rev.number;
    if (rev.recordSha256 !== undefined && sha256(canonicalJson(rev.record)) !== rev.recordSha256) {
      problems.push({ code: "err_records_hash_mismatch", revision: rev.number, params: { revision: rev.number } });
      continue;
    }
    const r = ToolRecord.safeParse(rev.record);
    if (!r.success) {
      problems.push(...zodIssues(r.error).map((i) => ({ ...i, revision: rev.number })));
      continue;
    }
    if (r.data.identity.id !== entry.id) problems.push({ code: "err_records_other_tool", revision: rev.number, params: { revision: rev.number, id: entry.id, other: r.data.identity.id } });
    records.push(r.data);
  }
  const newest = records.length === entry.revisions.length ? records.at(-1) : undefined;
  if (newest && newest.identity.slug !== entry.slug) problems.push({ code: "err_records_slug_differs", params: { slug: entry.slug, recordSlug: newest.identity.slug } });

  // The agencies the newest record names must be here, or be created from the entry's list.
  const newAgencies: RecordsEntry["agencies"] = [];
  const given = new Map(entry.agencies.map((a) => [a.slug, a]));
  const known = (slug: string) => stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(slug) !== undefined;
  const needed = [...new Set((newest?.responsibility.agencies ?? []).map((ref) => ref.agency))];
  for (let i = 0; i < needed.length; i++) {
    const slug = needed[i]!;
    if (known(slug) || newAgencies.some((a) => a.slug === slug)) continue;
    const a = given.get(slug);
    if (!opts.createAgencies) problems.push({ code: "err_records_agency_missing", params: { agency: slug } });
    else if (!a) problems.push({ code: "err_records_agency_not_given", params: { agency: slug } });
    else {
      newAgencies.push(a);
      // A parent must exist too: from the register or the same list.
      if (a.parent && !needed.includes(a.parent)) needed.push(a.parent);
    }
  }
  return problems.length ? null : { entry, records, newAgencies };
}

/** Writes one checked entry (inside the file's transaction); the number of revisions written. */
function writeEntry(c: Checked, opts: { at: string; actorName: string }, db: Db, batch: WriteBatch): number {
  const { entry, records } = c;
  const newest = entry.revisions.at(-1)!;
  const newestRecord = records.at(-1)!;
  const agencyIds = resolveAgencies(newestRecord, db);
  const tool = insertToolRow(db, projectionOf(newestRecord, newest.status, entry.revisions[0]!.createdAt));
  const insert = stmt(
    db,
    `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, submitted_at, published_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
  );
  let newestId = 0;
  entry.revisions.forEach((rev, i) => {
    // The record's bytes as the source stored them: its canonical JSON, whose hash was checked
    // (or, for an entry converted by hand without one, is computed here).
    const json = canonicalJson(rev.record);
    const recordSha256 = rev.recordSha256 ?? sha256(json);
    const row = insert.get(tool.seq, rev.number, rev.status, json, recordSha256, rev.createdAt, rev.submittedAt, rev.publishedAt) as { id: number };
    newestId = row.id;
    appendEvent(
      {
        kind: "imported",
        toolId: entry.id,
        actor: opts.actorName,
        at: opts.at,
        payload: {
          revision: rev.number,
          recordSha256,
          reviewStatus: rev.status,
          deploymentStatus: records[i]!.lifecycle.deploymentStatus,
          publishedAt: rev.publishedAt,
          ...(entry.url ? { source: entry.url } : {}),
        },
      },
      db,
    );
  });
  writePublicProjection(db, { seq: tool.seq, revisionId: newestId, record: newestRecord, status: newest.status, at: newest.publishedAt, agencyIds }, batch);
  return entry.revisions.length;
}
