// Whole records imported by an agency's official (issue 15): a file of the whole-record format
// (./format.ts: /records.ndjson, /records.json, one entry or an array of them) becomes new drafts
// of the official's own agency, as the table import makes them (../import). Nothing an entry says
// about this or another register's review is kept: each entry becomes a new tool with an id and
// slug the register assigns (as createDraft does), holding only the content of the entry's newest
// revision, with its review status set to draft. The draft is then completed, submitted and
// independently reviewed like any other.
//
// Who may: an official with an agency, for that agency only. An entry is refused (a problem of
// its row, worded in both languages) when
//   - its record does not name the official's agency as operating or deciding on the tool (the
//     roles through which an agency owns a record: the take-over rule,
//     registry/review/take-over.server.ts); naming other agencies beside it is allowed, as in any
//     draft, and those links count only once confirmed (registry/records/responsibility.server.ts);
//   - it is mirrored from another register (registry/standard/regime.ts): only an admin publishes
//     mirrored records (./import.server.ts);
//   - it names an agency the register does not have (an official cannot create agencies).
// Admins import whole records as they are (importRecords); reviewers and the public are refused.
import { createHash } from "node:crypto";
import type { Ctx } from "../../shared/context";
import { canonicalJson } from "../../shared/canonical-json";
import { stmt, underWriteLock, type Db } from "../../shared/db.server";
import { RegistryError, zodIssues } from "../../shared/errors";
import type { Actor } from "../../auth/roles";
import { createDraftNow } from "../../review/drafts.server";
import { proposeSlug } from "../../standard/slug-proposal";
import { isMirrored } from "../../standard/regime";
import { ToolRecord, versionFor } from "../../standard/v1";
import { allLangs } from "../../standard/text-langs";
import { agencyNames, countRows, IMPORT_MODES, requireOfficial, type ImportMode, type ImportReport, type ImportResult, type RowReport } from "../import/import.server";
import type { FieldError } from "../import/read-file";
import { RecordsEntry } from "./format";
import { formatProblems } from "./import.server";
import { readRecordsText, type RawEntry } from "./read";

/** The roles through which an agency owns a tool's record (as for taking over an editors' record). */
export const OWNING_ROLES = ["operates", "decides"] as const;

type Official = Actor & { agencyId: number; agencySlug: string };
type Planned = { report: RowReport; record?: ToolRecord; slug?: string };

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const rowOf = (place: RawEntry["place"]) => ("line" in place ? place.line : place.item);

/**
 * Checks (and unless `dryRun`, imports) a whole-record file as drafts of the official's agency,
 * with the table import's report (../import/import.server.ts ImportReport, one row per entry).
 * Throws RegistryError "forbidden" for anyone but an official with an agency, and for an attempt
 * to create agencies (an admin's option). In mode "all" nothing is written unless every entry is
 * valid; in "valid_only" each valid entry is written on its own.
 */
export function importRecordsAsDrafts(ctx: Ctx, input: { text: string; mode?: ImportMode; dryRun: boolean; createAgencies?: unknown }): ImportReport {
  const { actor, db } = ctx;
  requireOfficial(actor);
  if (input.createAgencies !== undefined && input.createAgencies !== false)
    throw new RegistryError("forbidden", { issues: [{ code: "err_records_drafts_no_create_agencies" }] });
  const mode = input.mode ?? "all";
  if (!(IMPORT_MODES as readonly string[]).includes(mode)) throw new RegistryError("invalid", { issues: [{ code: "zod_invalid_value", path: "mode" }] });
  const base = { mode, dryRun: input.dryRun, records: true as const, warnings: [], ignoredColumns: [], written: { created: 0, updated: 0 } };
  const read = readRecordsText(input.text);
  if (!read.ok) return { ...base, result: "file_refused", format: read.format, fileNotices: read.notices, rows: [], counts: countRows([]) };

  return underWriteLock(db, () => {
    const planned = planEntries(actor, read.entries, db);
    const reports = planned.map((p) => p.report);
    const report = (result: ImportResult): ImportReport => ({ ...base, result, format: read.format, fileNotices: [], rows: reports, counts: countRows(reports) });
    if (input.dryRun) return report("checked");
    const invalid = reports.some((r) => r.outcome === "error");
    if (invalid && mode === "all") return report("refused_invalid_rows");
    const toWrite = planned.filter((p) => p.report.outcome === "create");
    const writeOne = (p: Planned) => {
      p.report.id = writeDraft(ctx, actor, p, db);
      p.report.written = true;
    };
    if (mode === "all") {
      try {
        db.$client.transaction(() => toWrite.forEach(writeOne))();
      } catch (e) {
        for (const p of toWrite) (p.report.written = false), (p.report.id = null);
        throw e;
      }
    } else {
      for (const p of toWrite) {
        try {
          db.$client.transaction(() => writeOne(p))();
        } catch (e) {
          if (!(e instanceof RegistryError)) throw e;
          p.report.outcome = "error";
          p.report.id = null;
          p.report.errors.push(...(e.issues.length ? e.issues : [{ code: "err_action_wrong_state" }]).map((i) => ({ ...i, field: "" })));
        }
      }
    }
    const done = report("imported");
    done.written = { created: planned.filter((p) => p.report.written).length, updated: 0 };
    return done;
  });
}

/** A record's name for the report: Chinese, else English, else its first language. */
function nameOf(record: unknown): string {
  const name = (record as { identity?: { name?: Record<string, unknown> } } | undefined)?.identity?.name;
  if (!name || typeof name !== "object") return "";
  const texts = allLangs(name as Record<string, string>);
  const pick = (typeof name.zh === "string" && name.zh) || (typeof name.en === "string" && name.en) || texts[0] || "";
  return String(pick).slice(0, 300);
}

/** The agency's names for a message (../import/import.server.ts agencyNames), from the register or else the entry's list. */
const namesOf = (slug: string, entry: RecordsEntry | null, db: Db) => agencyNames(slug, db, entry?.agencies.find((a) => a.slug === slug)?.name);

function planEntries(actor: Official, entries: RawEntry[], db: Db): Planned[] {
  const slugTaken = stmt(db, `SELECT 1 FROM tools WHERE slug = ?`);
  const agencyKnown = stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`);
  const slugsInFile = new Set<string>();
  return entries.map((raw): Planned => {
    const newest = (raw.value as { revisions?: { record?: unknown }[] } | null)?.revisions;
    const report: RowReport = { row: rowOf(raw.place), id: null, name: nameOf(Array.isArray(newest) ? newest.at(-1)?.record : undefined), outcome: "error", errors: [], written: false };
    const problem = (e: Omit<FieldError, "field">) => report.errors.push({ field: "", ...e });
    const parsed = RecordsEntry.safeParse(raw.value);
    if (!parsed.success) {
      for (const p of formatProblems(parsed.error)) problem({ code: p.code, ...(p.params ? { params: p.params } : {}) });
      return { report };
    }
    const entry = parsed.data;
    // Only the newest revision's content becomes the draft; its fingerprint, when given, must match.
    const rev = entry.revisions.at(-1)!;
    if (rev.recordSha256 !== undefined && sha256(canonicalJson(rev.record)) !== rev.recordSha256) {
      problem({ code: "err_records_hash_mismatch", params: { revision: rev.number } });
      return { report };
    }
    const checked = ToolRecord.safeParse(rev.record);
    if (!checked.success) {
      for (const i of zodIssues(checked.error)) problem(i);
      return { report };
    }
    const record = checked.data;
    report.name = nameOf(record);
    if (isMirrored(record)) problem({ code: "err_records_drafts_mirrored" });
    const refs = record.responsibility.agencies;
    const own = refs.some((r) => r.agency === actor.agencySlug && (OWNING_ROLES as readonly string[]).includes(r.role));
    if (!own) {
      const owner = refs.find((r) => r.agency !== actor.agencySlug && (OWNING_ROLES as readonly string[]).includes(r.role));
      problem(owner ? { code: "err_records_drafts_other_agency", params: namesOf(owner.agency, entry, db) } : { code: "err_records_drafts_not_own_agency" });
    }
    for (const slug of new Set(refs.map((r) => r.agency)))
      if (!agencyKnown.get(slug)) problem({ code: "err_records_drafts_agency_unknown", params: namesOf(slug, entry, db) });
    if (report.errors.length) return { report };

    // A new slug, as createDraft proposes one from the name (the entry's own slug is another register's).
    const taken = (s: string) => slugsInFile.has(s) || slugTaken.get(s) !== undefined;
    const slug = proposeSlug(record.identity.name, taken) ?? proposeSlug({ en: entry.slug }, taken)!;
    slugsInFile.add(slug);
    const draft = asDraft(record, record.identity.id, slug);
    const again = ToolRecord.safeParse(draft);
    if (!again.success) {
      for (const i of zodIssues(again.error)) problem(i);
      return { report };
    }
    report.outcome = "create";
    return { report, record, slug };
  });
}

/** The entry's record as a draft of a new tool: the register's id and slug, review status draft. */
function asDraft(record: ToolRecord, id: string, slug: string): ToolRecord {
  return versionFor({
    ...record,
    identity: { ...record.identity, id, slug },
    lifecycle: { ...record.lifecycle, reviewStatus: "draft" },
  });
}

/** Writes one planned entry as a new draft of the official's agency (inside the caller's transaction); its new id. */
function writeDraft(ctx: Ctx, actor: Official, p: Planned, db: Db): string {
  const { id: _old, ...identity } = p.record!.identity;
  // The workflow's own command makes the tool (owned by the official's agency) and its first draft revision.
  const { toolId } = createDraftNow(ctx, { identity: { ...identity, slug: p.slug! } });
  const json = canonicalJson(asDraft(p.record!, toolId, p.slug!));
  const changed = stmt(
    db,
    `UPDATE revisions SET record = ?, record_sha256 = ? WHERE status = 'draft' AND number = 1 AND tool_seq = (SELECT seq FROM tools WHERE id = ? AND owner_agency_id = ?)`,
  ).run(json, sha256(json), toolId, actor.agencyId);
  if (changed.changes !== 1) throw new RegistryError("wrong_state");
  return toolId;
}
