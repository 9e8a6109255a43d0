// Importing a foreign register's file in its own format (issue 16): the US inventory CSV, UK ATRS
// records, Dutch register records (./formats.ts). Each row is read into a record of the standard
// by the format's mapping table (./mapping.ts), then handed to the whole-record import the
// register already has, so every check, the hash chain and the public projection are the same:
//
// - an admin: mirrored records (`regime.governedBy: "source_register"`), published as the source
//   published them, with ids and slugs this register assigns (../records/import.server.ts);
// - an agency's official: new drafts of their own agency, this register's records to be
//   completed and reviewed (../records/import-drafts.server.ts). A row of another agency is
//   refused there.
//
// The report gives the file's quirks, every row's problems, and where each of its fields landed
// (a field of the standard, or kept as published in the extension area).
import type { Ctx } from "../../shared/context";
import { stmt, type Db } from "../../shared/db.server";
import { RegistryError, type Issue } from "../../shared/errors";
import type { FileNotice } from "../import/columns";
import { importRecords } from "../records/import.server";
import { importRecordsAsDrafts } from "../records/import-drafts.server";
import type { RecordsEntry } from "../records/format";
import { freeToolIds } from "../../records/ids.server";
import { interopFormat, type InteropFormatKey, type SourceRow } from "./formats";
import { rowToDoc, type Cells, type InteropDoc, type InteropMapping, type Landing } from "./mapping";

export type InteropRowReport = {
  place: SourceRow["place"];
  /** The tool's id in this register (given, or that it would be given), when the row was planned. */
  id: string | null;
  name: string;
  /** Worded by app/i18n (issueLine): never a code or a path on a page. */
  problems: (Issue & { field?: string })[];
  /** Each non-empty source field: the standard's path it landed in, or "kept" (extension area only). */
  landed: Record<string, Exclude<Landing, null>>;
  written: boolean;
};

export type InteropImportResult = "file_refused" | "refused" | "checked" | "imported";

export type InteropImportReport = {
  format: InteropFormatKey;
  result: InteropImportResult;
  /** Mirrored records (an admin) or drafts of the official's agency. */
  as: "mirrored" | "drafts";
  fileNotices: FileNotice[];
  quirks: FileNotice[];
  rows: InteropRowReport[];
  written: { tools: number; agencies: number };
};

export type InteropImportInput = {
  format: InteropFormatKey;
  bytes: Uint8Array;
  createAgencies?: boolean;
  dryRun?: boolean;
  /** Write the valid rows and report the others, instead of nothing unless every row is valid. */
  validOnly?: boolean;
  /** When the file was taken from its register (regime.retrievedOn): a year, month or day. */
  retrievedOn?: string;
};

const nameOf = (doc: InteropDoc) => {
  const n = (doc.record.identity as { name?: Record<string, string> } | undefined)?.name ?? {};
  return String(n.zh ?? n.en ?? Object.values(n)[0] ?? "").slice(0, 300);
};

/**
 * The source field a problem of a row is about, from the problem's record path: a cell kept in the
 * extension area (`extensions.<register>.<field>`), or a mapped field's place in the standard
 * (of twins, the one the row fills). Undefined when the path names no single source field.
 */
export function sourceFieldOf(m: InteropMapping, path: string | undefined, cells: Cells): string | undefined {
  if (!path) return undefined;
  const ext = `extensions.${m.register}.`;
  if (path.startsWith(ext)) {
    const key = path.slice(ext.length).split(".")[0]!;
    return m.fields.some((f) => f.key === key) ? key : undefined;
  }
  const hits = m.fields.filter((f) => {
    if (!f.to || f.to.startsWith("@") || /\[[^\]]*=/.test(f.to)) return false;
    const place = f.to.replace(/\[(\d+)\]/g, ".$1") + (f.lang ? `.${f.lang}` : "");
    return path === place || path.startsWith(`${place}.`);
  });
  return (hits.find((f) => (cells[f.key] ?? "") !== "") ?? hits[0])?.key;
}

/** A slug no tool has and the file has not used yet: the proposal, else with -2, -3… */
function slugAllocator(db: Db): (proposal: string) => string {
  const taken = stmt(db, `SELECT 1 FROM tools WHERE slug = ?`);
  const used = new Set<string>();
  return (proposal) => {
    const base = proposal.replace(/[^a-z0-9-]+/g, "-").replace(/-+/g, "-").replace(/^-|-$/g, "").slice(0, 70) || "tool";
    for (let n = 1; ; n++) {
      const s = n === 1 ? base : `${base}-${n}`;
      if (!used.has(s) && !taken.get(s)) {
        used.add(s);
        return s;
      }
    }
  };
}

/** What identifies a mirrored row: its register, agency, id there (if any) and name. */
function mirrorKey(register: string, record: Record<string, unknown>): string {
  const r = record as { responsibility?: { agencies?: { agency?: string }[] }; externalIds?: { register?: string; id?: string }[]; identity?: { name?: Record<string, string> } };
  const name = r.identity?.name ?? {};
  return JSON.stringify([
    register,
    r.responsibility?.agencies?.[0]?.agency ?? "",
    r.externalIds?.find((e) => e.register === register)?.id ?? "",
    name.en ?? name.zh ?? Object.values(name)[0] ?? "",
  ]);
}

/** The mirrored records of a register already here, by mirrorKey: a file imported again is refused row by row, never doubled. */
function mirroredHere(register: string, db: Db): Map<string, string> {
  const rows = stmt(db, `SELECT t.id, r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.regime = ?`).all(register) as { id: string; record: string }[];
  return new Map(rows.map((row) => [mirrorKey(register, JSON.parse(row.record) as Record<string, unknown>), row.id]));
}

function entryOf(doc: InteropDoc, id: string, slug: string, at: string): RecordsEntry {
  const identity = doc.record.identity as Record<string, unknown>;
  identity.id = id;
  identity.slug = slug;
  const agency = doc.agency!;
  return {
    id,
    slug,
    standardVersion: String(doc.record.standardVersion),
    agencies: [
      {
        slug: agency.slug,
        name: agency.name as RecordsEntry["agencies"][number]["name"],
        jurisdictionLevel: agency.jurisdictionLevel as RecordsEntry["agencies"][number]["jurisdictionLevel"],
        place: (agency.place ?? { en: "" }) as RecordsEntry["agencies"][number]["place"],
        ...(agency.parentSlug ? { parent: agency.parentSlug } : {}),
      },
    ],
    revisions: [{ number: 1, status: "unreviewed", createdAt: at, submittedAt: null, publishedAt: at, record: doc.record }],
  };
}

/**
 * Checks (and unless `dryRun`, imports) a file of a foreign format. An admin makes mirrored
 * records; an official, drafts of their agency; anyone else is refused (RegistryError "forbidden").
 */
export function importInterop(ctx: Ctx, input: InteropImportInput): InteropImportReport {
  const { actor, db, now } = ctx;
  if (!actor || (actor.role !== "admin" && actor.role !== "official")) throw new RegistryError("forbidden", { issues: [{ code: "err_interop_import_role" }] });
  const format = interopFormat(input.format);
  if (!format) throw new RegistryError("invalid", { issues: [{ code: "err_interop_format_unknown", params: { format: String(input.format) } }] });
  const as = actor.role === "admin" ? "mirrored" : "drafts";
  const written = { tools: 0, agencies: 0 };
  const read = format.read(input.bytes);
  if (!read.ok) return { format: format.key, result: "file_refused", as, fileNotices: read.notices, quirks: [], rows: [], written };

  const at = now.toISOString();
  const ids = freeToolIds(db);
  const nextId = () => ids.next().value as string;
  const nextSlug = slugAllocator(db);
  const officialAgency =
    as === "drafts" ? (stmt(db, `SELECT slug, name_en, name_zh FROM agencies WHERE id = ?`).get((actor as { agencyId?: number }).agencyId ?? -1) as { slug: string; name_en: string | null; name_zh: string | null } | undefined) : undefined;
  const rows: InteropRowReport[] = [];
  const entries: RecordsEntry[] = [];
  /** Names the source field of each row's problems, where its path names one (for the report). */
  const finish = (report: InteropImportReport): InteropImportReport => {
    report.rows.forEach((r, i) => {
      for (const p of r.problems) {
        if (p.field) continue;
        const field = sourceFieldOf(format.mapping, p.path, read.rows[i]!.cells);
        if (field) p.field = field;
      }
    });
    return report;
  };
  const already = as === "mirrored" ? mirroredHere(format.mapping.register, db) : new Map<string, string>();
  for (const src of read.rows) {
    const { doc, landed } = rowToDoc(format.mapping, src.cells);
    if (as === "mirrored") {
      doc.record.regime = {
        governedBy: "source_register",
        register: format.mapping.register,
        sourceUrl: format.mapping.sourceUrl(src.cells),
        ...((input.retrievedOn ?? read.retrievedOn) ? { retrievedOn: input.retrievedOn ?? read.retrievedOn } : {}),
      };
    } else if (officialAgency && doc.agency && doc.agency.slug !== officialAgency.slug) {
      // The official's agency, named in the file by its name rather than this register's slug.
      const names = [officialAgency.name_en, officialAgency.name_zh].filter(Boolean).map((n) => n!.toLowerCase());
      if (Object.values(doc.agency.name).some((n) => n && names.includes(n.toLowerCase()))) {
        const refs = (doc.record.responsibility as { agencies?: { agency: string }[] }).agencies ?? [];
        for (const ref of refs) if (ref.agency === doc.agency.slug) ref.agency = officialAgency.slug;
        doc.agency.slug = officialAgency.slug;
      }
    }
    const id = nextId();
    const slug = nextSlug(format.mapping.slug(doc, src.cells));
    entries.push(entryOf(doc, id, slug, at));
    const kept: Record<string, Exclude<Landing, null>> = {};
    for (const [k, v] of Object.entries(landed)) if (v) kept[k] = v;
    const here = already.get(mirrorKey(format.mapping.register, doc.record));
    rows.push({ place: src.place, id, name: nameOf(doc), problems: here ? [{ code: "err_interop_already_mirrored", params: { tool: here } }] : [], landed: kept, written: false });
  }

  const text = JSON.stringify(entries);
  if (as === "mirrored") {
    const run = (t: string, dryRun: boolean) => importRecords(ctx, { text: t, createAgencies: input.createAgencies, dryRun });
    const check = run(text, true);
    check.entries.forEach((e, i) => rows[i]!.problems.push(...e.problems));
    for (const r of rows) if (r.problems.some((p) => p.code === "err_interop_already_mirrored")) r.problems = r.problems.filter((p) => p.code === "err_interop_already_mirrored");
    const bad = rows.some((r) => r.problems.length);
    if (input.dryRun) return finish({ format: format.key, result: "checked", as, fileNotices: [], quirks: read.quirks, rows, written });
    if (bad && !input.validOnly) return finish({ format: format.key, result: "refused", as, fileNotices: [], quirks: read.quirks, rows, written });
    const good = entries.filter((_, i) => !rows[i]!.problems.length);
    if (good.length) {
      const done = run(JSON.stringify(good), false);
      if (done.result !== "imported") {
        // Another writer got there between the check and the write: report, write nothing.
        done.entries.forEach((e) => rows.find((r) => r.id === e.id)?.problems.push(...e.problems));
        return finish({ format: format.key, result: "refused", as, fileNotices: [], quirks: read.quirks, rows, written });
      }
      written.tools = done.written.tools;
      written.agencies = done.written.agencies;
      for (const r of rows) r.written = !r.problems.length;
    }
    return finish({ format: format.key, result: "imported", as, fileNotices: [], quirks: read.quirks, rows, written });
  }

  if (input.createAgencies) throw new RegistryError("forbidden", { issues: [{ code: "err_records_drafts_no_create_agencies" }] });
  const report = importRecordsAsDrafts(ctx, { text, mode: input.validOnly ? "valid_only" : "all", dryRun: Boolean(input.dryRun) });
  report.rows.forEach((r, i) => {
    const row = rows[i]!;
    row.problems.push(...r.errors);
    row.id = r.written ? r.id : null;
    row.written = r.written;
  });
  written.tools = report.written.created;
  const result: InteropImportResult = report.result === "imported" ? "imported" : report.result === "checked" ? "checked" : report.result === "file_refused" ? "file_refused" : "refused";
  return finish({ format: format.key, result, as, fileNotices: report.fileNotices, quirks: read.quirks, rows, written });
}
