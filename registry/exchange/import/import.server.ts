// Bulk import for agencies: a CSV or JSON file in the export format becomes drafts of the
// agency's tools. Every row is checked before anything is written, and the report lists each
// row with its problems. In "all" mode nothing is written unless every row is valid (one
// transaction for the file); in "valid_only" mode each valid row is written in its own
// transaction and the rest are reported.
import type { Actor } from "../../auth/roles";
import { canonicalJson } from "../../shared/canonical-json";
import { stmt, type Db } from "../../shared/db.server";
import type { ReviewStatus, ToolRecordInput } from "../../standard/v1";
import { canTake } from "../../review/transitions";
import { createDraftNow, saveDraftSectionNow } from "../../review/drafts.server";
import { startRevisionNow } from "../../review/submission.server";
import { RegistryError, invalid as invalidInput } from "../../shared/errors";
import type { Ctx } from "../../shared/context";
import { readImportFile, type FieldError, type FileFormat, type RawRow } from "./read-file";
import type { FileNotice } from "./columns";
import { toImportedTool, type ImportedTool } from "./row-checks";
import { extraProblems, keepExtraInDraft, withExtra } from "./extensions.server";
import { adminRowActor, agencyNames, recordsText, type Importer, type RowActor } from "./actors.server";
import { importRecordsAsDrafts } from "../records/import-drafts.server";

export { importActorFor, agencyNames } from "./actors.server";

export const IMPORT_MODES = ["all", "valid_only"] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];
export type RowOutcome = "create" | "update" | "unchanged" | "error";
export type RowReport = { row: number; id: string | null; name: string; outcome: RowOutcome; errors: FieldError[]; written: boolean };
export type ImportResult =
  /** The file as a whole could not be read: nothing was checked row by row, nothing written. */
  | "file_refused"
  /** A check only: nothing written. */
  | "checked"
  | "imported"
  /** "all" mode with invalid rows: nothing written. */
  | "refused_invalid_rows";
export type ImportReport = {
  result: ImportResult;
  format: FileFormat | null;
  mode: ImportMode;
  dryRun: boolean;
  /** Why the file as a whole was refused: codes and parameters, worded by app/i18n (refusal.ts). */
  fileNotices: FileNotice[];
  /** What the reader should know but which refused nothing: columns not in the format, kept in each draft's extension area. */
  warnings?: FileNotice[];
  /** The file held whole records (registry/exchange/records/import-drafts.server.ts): one row per entry, problems by record field. */
  records?: true;
  ignoredColumns: string[];
  rows: RowReport[];
  /** `problems`: every problem of every row, which a page may list only the first of. */
  counts: Record<RowOutcome, number> & { rows: number; problems: number };
  written: { created: number; updated: number };
};
export type ImportProgress = (phase: "check" | "write", done: number, total: number) => void;

type Existing = { id: string; slug: string; ownerAgencyId: number | null; status: ReviewStatus; record: ToolRecordInput };
/** A checked row; for an update, `merged` is the existing record's sections with the row put in. */
type Planned = { report: RowReport; tool?: ImportedTool; existing?: Existing; merged?: ReturnType<typeof merged>; actor?: Actor };

export function requireOfficial(actor: Actor | null): asserts actor is Actor & { agencyId: number; agencySlug: string } {
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
}


/**
 * Checks (and unless `dryRun`, imports) a file for the actor's agency. Throws RegistryError
 * "forbidden" for anyone but an official with an agency or an admin; every problem with the file or its
 * rows is in the report. A file of whole records (/records.ndjson, /records.json) becomes new
 * drafts of the agency (registry/exchange/records/import-drafts.server.ts), reported the same way.
 * `createAgencies` is an administrator's option: an official who passes it is refused.
 * An admin may import a table too: each row's `agency` column names the agency it is a draft of
 * (which must exist and have an active official, the draft's author); whole records an admin
 * imports as they are (importRecords), not here.
 */
export async function runImport(
  ctx: Ctx,
  input: { file: { bytes: Uint8Array; filename?: string }; mode: ImportMode; dryRun: boolean; onProgress?: ImportProgress; createAgencies?: unknown },
): Promise<ImportReport> {
  const { actor, db } = ctx;
  const { file } = input;
  const opts = { ...input, now: ctx.now };
  // An admin imports a table for the agencies its rows name (the `agency` column); everyone else must be an official.
  const admin = actor?.role === "admin";
  if (!admin) requireOfficial(actor);
  if (input.createAgencies !== undefined && input.createAgencies !== false)
    throw new RegistryError("forbidden", { issues: [{ code: "err_records_drafts_no_create_agencies" }] });
  const records = recordsText(file.bytes);
  // An admin imports whole records as they are (registry/exchange/records/import.server.ts), never as drafts here.
  if (records !== null && admin) throw new RegistryError("forbidden", { issues: [{ code: "err_import_admin_records" }] });
  if (records !== null) return importRecordsAsDrafts(ctx, { text: records, mode: input.mode, dryRun: input.dryRun });
  if (!(IMPORT_MODES as readonly string[]).includes(opts.mode)) throw invalidInput([{ code: "zod_invalid_value", path: "mode" }]);
  const base = { mode: opts.mode, dryRun: opts.dryRun, written: { created: 0, updated: 0 } };
  const read = readImportFile(file.bytes, file.filename);
  if (!read.ok)
    return { ...base, result: "file_refused", format: read.format, fileNotices: read.notices, warnings: [], ignoredColumns: [], rows: [], counts: countRows([]) };
  if (!read.rows.length)
    return {
      ...base,
      result: "file_refused",
      format: read.format,
      fileNotices: [{ code: "importNoRows", params: {} }],
      warnings: read.warnings,
      ignoredColumns: read.ignoredColumns,
      rows: [],
      counts: countRows([]),
    };

  const planned = planRows(admin ? adminRowActor(db) : () => ({ actor: actor as Importer }), read.rows, db, opts.onProgress);
  const reports = planned.map((p) => p.report);
  const report = (result: ImportResult): ImportReport => ({
    ...base,
    result,
    format: read.format,
    fileNotices: [],
    warnings: read.warnings,
    ignoredColumns: read.ignoredColumns,
    rows: reports,
    counts: countRows(reports),
  });
  if (opts.dryRun) return report("checked");
  const invalid = reports.some((r) => r.outcome === "error");
  if (invalid && opts.mode === "all") return report("refused_invalid_rows");

  const toWrite = planned.filter((p) => p.report.outcome === "create" || p.report.outcome === "update");
  const writeOne = (p: Planned) => {
    writeRow(p.actor!, p, opts.now, db);
    p.report.written = true;
  };
  if (opts.mode === "all") {
    // One transaction for the file: the workflow functions' own transactions become savepoints,
    // so a failure anywhere leaves nothing behind.
    try {
      db.$client.transaction(() => toWrite.forEach((p, i) => (writeOne(p), opts.onProgress?.("write", i + 1, toWrite.length))))();
    } catch (e) {
      for (const p of toWrite) p.report.written = false;
      throw e;
    }
  } else {
    toWrite.forEach((p, i) => {
      try {
        db.$client.transaction(() => writeOne(p))();
      } catch (e) {
        if (!(e instanceof RegistryError)) throw e;
        // Checked a moment ago; only a concurrent change (a slug taken meanwhile) lands here.
        p.report.outcome = "error";
        p.report.errors.push(...(e.issues.length ? e.issues : [{ code: "err_action_wrong_state" }]).map((i) => ({ ...i, field: "(row)" })));
      }
      opts.onProgress?.("write", i + 1, toWrite.length);
    });
  }
  const written = report("imported");
  written.written = {
    created: planned.filter((p) => p.report.written && p.report.outcome === "create").length,
    updated: planned.filter((p) => p.report.written && p.report.outcome === "update").length,
  };
  return written;
}

/** The report's counts of rows by outcome, and of problems. */
export function countRows(rows: RowReport[]): ImportReport["counts"] {
  const counts = { rows: rows.length, create: 0, update: 0, unchanged: 0, error: 0, problems: 0 };
  for (const r of rows) {
    counts[r.outcome]++;
    counts.problems += r.errors.length;
  }
  return counts;
}


function planRows(actorFor: RowActor, rows: RawRow[], db: Db, onProgress?: ImportProgress): Planned[] {
  const existingStmt = stmt(
    db,
    `SELECT t.id, t.slug, t.owner_agency_id, r.status, r.record FROM tools t
     JOIN revisions r ON r.tool_seq = t.seq AND r.number = (SELECT max(number) FROM revisions WHERE tool_seq = t.seq)
     WHERE t.id = ?`,
  );
  const slugOwner = stmt(db, `SELECT id FROM tools WHERE slug = ?`);
  const idsInFile = new Map<string, number>();
  const slugsInFile = new Map<string, number>();
  const planned = rows.map((raw, i): Planned => {
    const parsed = toImportedTool(raw);
    const name = raw.cells.name_zh ?? raw.cells.name_en ?? "";
    const report: RowReport = { row: raw.row, id: raw.cells.id?.toUpperCase() ?? null, name, outcome: "error", errors: [], written: false };
    onProgress?.("check", i + 1, rows.length);
    if (!parsed.ok) {
      report.errors = parsed.errors;
      return { report };
    }
    const tool = parsed.tool;
    const errors: FieldError[] = [];
    const who = actorFor(tool.agency);
    if (!who.actor) {
      report.errors = [who.error];
      return { report };
    }
    const actor = who.actor;
    // An official imports for their own agency only: a row naming another is refused, never written.
    if (tool.agency !== null && tool.agency !== actor.agencySlug)
      errors.push(
        stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(tool.agency)
          ? { field: "agency", code: "err_import_agency_not_own", params: agencyNames(tool.agency, db) }
          : { field: "agency", code: "err_import_agency_unknown_row", params: { agency: tool.agency } },
      );
    let existing: Existing | undefined;
    if (tool.id) {
      const earlier = idsInFile.get(tool.id);
      if (earlier !== undefined) errors.push({ field: "id", code: "err_import_id_repeated", params: { id: tool.id, row: earlier } });
      else idsInFile.set(tool.id, raw.row);
      const row = existingStmt.get(tool.id) as { id: string; slug: string; owner_agency_id: number | null; status: ReviewStatus; record: string } | undefined;
      if (row) {
        existing = { id: row.id, slug: row.slug, ownerAgencyId: row.owner_agency_id, status: row.status, record: JSON.parse(row.record) as ToolRecordInput };
        if (existing.ownerAgencyId !== actor.agencyId)
          errors.push({ field: "id", code: "err_import_id_foreign", params: { id: tool.id } });
        else if (!canTake("owner_official", existing.status, "edit_draft").ok && !canTake("owner_official", existing.status, "revise").ok)
          errors.push({ field: "id", code: "err_import_id_locked", params: { id: tool.id, status: existing.status } });
      }
    }
    const slug = tool.identity.slug;
    const earlierSlug = slugsInFile.get(slug);
    if (earlierSlug !== undefined) errors.push({ field: "slug", code: "err_import_slug_repeated", params: { slug, row: earlierSlug } });
    else slugsInFile.set(slug, raw.row);
    const owner = slugOwner.get(slug) as { id: string } | undefined;
    if (owner && owner.id !== tool.id) errors.push({ field: "slug", code: "err_slug_taken", path: "identity.slug", params: { slug, tool: owner.id } });
    if (errors.length) {
      report.errors = errors;
      return { report };
    }
    const tooMany = extraProblems(existing?.record ?? {}, tool.extra);
    if (tooMany.length) {
      report.errors = tooMany.map((p) => ({ ...p, field: "(row)" }));
      return { report };
    }
    if (!existing) {
      report.outcome = "create";
      return { report, tool, actor };
    }
    const m = merged(existing.record, tool);
    report.outcome = isUnchanged(existing.record, m) ? "unchanged" : "update";
    return { report, tool, existing, merged: m, actor };
  });
  return planned;
}

/** The identity and lifecycle of the existing record with the row's values put in. */
function merged(record: ToolRecordInput, tool: ImportedTool) {
  const identity = { ...record.identity, ...tool.identity, originalLanguage: record.identity?.originalLanguage ?? tool.identity.originalLanguage, id: record.identity.id };
  const { retirement: _old, ...lifecycleRest } = record.lifecycle ?? {};
  const lifecycle = { ...lifecycleRest, deploymentStatus: tool.lifecycle.deploymentStatus, sunsetDate: tool.lifecycle.sunsetDate, ...(tool.lifecycle.retirement ? { retirement: tool.lifecycle.retirement } : {}) };
  const extensions = (withExtra(record as { extensions?: unknown }, tool.extra) as { extensions?: unknown }).extensions;
  return { identity, lifecycle, extensions };
}

function isUnchanged(record: ToolRecordInput, m: ReturnType<typeof merged>): boolean {
  const { reviewStatus: _a, ...before } = record.lifecycle ?? {};
  const { reviewStatus: _b, ...after } = m.lifecycle as typeof m.lifecycle & { reviewStatus?: string };
  const extensionsBefore = (record as { extensions?: unknown }).extensions ?? null;
  return (
    canonicalJson(record.identity) === canonicalJson(m.identity) &&
    canonicalJson(before) === canonicalJson(after) &&
    canonicalJson(extensionsBefore) === canonicalJson(m.extensions ?? null)
  );
}


function writeRow(actor: Actor, p: Planned, now: Date, db: Db): void {
  // The workflow's commands without their async boundary: the rows of a file are written in one
  // better-sqlite3 transaction, which cannot span an await.
  const ctx = { actor, now, db };
  const tool = p.tool!;
  if (!p.existing) {
    const { toolId } = createDraftNow(ctx, { identity: tool.identity, ...(tool.id ? { id: tool.id } : {}) });
    p.report.id = toolId;
    saveDraftSectionNow(ctx, { toolId, section: "lifecycle", value: { reviewStatus: "draft", renewals: [], ...tool.lifecycle } });
    keepExtraInDraft(toolId, tool.extra, db);
    return;
  }
  const { id, status } = p.existing;
  const m = p.merged!;
  if (status !== "draft") startRevisionNow(ctx, { toolId: id, action: "revise" });
  saveDraftSectionNow(ctx, { toolId: id, section: "identity", value: m.identity });
  saveDraftSectionNow(ctx, { toolId: id, section: "lifecycle", value: m.lifecycle });
  keepExtraInDraft(id, tool.extra, db);
}

