// Columns of an import file that the format does not have are not a refusal (issue 15): their
// non-empty values are kept, as given and unchecked, in the draft's extension area (standard v1.1
// `extensions`, registry/standard/v1.ts), under one register key for bulk-import files, so no fact
// a source gave is lost and none is put where the standard would state it as checked.
import { canonicalJson } from "../../shared/canonical-json";
import { stmt, type Db } from "../../shared/db.server";
import { invalid } from "../../shared/errors";
import { Extensions, LIST_LIMITS, recordSizeProblem, versionFor, type ToolRecordInput } from "../../standard/v1";
import { sha256 } from "../../review/load.server";
import type { ExtraValue } from "./read-file";

/** The extension area's key for the columns of a bulk-import file (a register key: lower-case words joined by hyphens). */
export const IMPORT_EXTENSION_REGISTER = "bulk-import";

type ExtensionArea = Record<string, Record<string, unknown>>;

/** The record's extension area with the row's values put in (a value given again replaces the old one). */
export function withExtra<R extends { extensions?: unknown }>(record: R, extra: Record<string, ExtraValue>): R {
  if (!Object.keys(extra).length) return record;
  const area = (record.extensions ?? {}) as ExtensionArea;
  const own = Object.assign(Object.create(null) as Record<string, unknown>, area[IMPORT_EXTENSION_REGISTER] ?? {}, extra);
  return { ...record, extensions: { ...area, [IMPORT_EXTENSION_REGISTER]: { ...own } } };
}

/** Problems of keeping the row's values (too many fields for the standard), by column; none when they fit. */
export function extraProblems(record: { extensions?: unknown }, extra: Record<string, ExtraValue>): { code: string; params: Record<string, number> }[] {
  if (!Object.keys(extra).length) return [];
  const area = withExtra(record, extra).extensions as ExtensionArea;
  const fields = Object.values(area).reduce((n, o) => n + Object.keys(o).length, 0);
  if (fields > LIST_LIMITS.extensionFields || Object.keys(area).length > LIST_LIMITS.extensionRegisters)
    return [{ code: "err_extensions_too_many", params: { n: fields, max: LIST_LIMITS.extensionFields } }];
  return Extensions.safeParse(area).success ? [] : [{ code: "err_import_extra_invalid", params: {} }];
}

/** Keeps the row's values in the extension area of the tool's open draft (inside the caller's transaction). */
export function keepExtraInDraft(toolId: string, extra: Record<string, ExtraValue>, db: Db): void {
  if (!Object.keys(extra).length) return;
  const rev = stmt(
    db,
    `SELECT r.id, r.record FROM revisions r JOIN tools t ON t.seq = r.tool_seq WHERE t.id = ? AND r.status = 'draft' ORDER BY r.number DESC LIMIT 1`,
  ).get(toolId) as { id: number; record: string } | undefined;
  if (!rev) throw invalid([{ code: "err_action_wrong_state" }]);
  const record = versionFor(withExtra(JSON.parse(rev.record) as ToolRecordInput & { extensions?: unknown }, extra));
  const problems = extraProblems(JSON.parse(rev.record) as { extensions?: unknown }, extra);
  if (problems.length) throw invalid(problems.map((p) => ({ ...p, path: "extensions" })));
  const tooLarge = recordSizeProblem(record);
  if (tooLarge) throw invalid([{ code: "err_record_too_large", path: "extensions", params: tooLarge }]);
  const json = canonicalJson(record);
  stmt(db, `UPDATE revisions SET record = ?, record_sha256 = ? WHERE id = ? AND status = 'draft'`).run(json, sha256(json), rev.id);
}
