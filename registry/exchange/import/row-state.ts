// What became of one row of an import, from its outcome and whether it was written: the one
// answer the upload page, the command line and the report CSV all word, so that a row is never
// called created when nothing was written.
import type { ImportReport, RowReport } from "./import.server";

export const ROW_STATES = [
  /** Written: a new draft. */
  "created",
  /** Written: the tool's draft updated (or a new draft revision started). */
  "updated",
  /** A check only: the row is valid and an import would create a draft. */
  "would_create",
  /** A check only: the row is valid and an import would update the draft. */
  "would_update",
  /** Valid, but not written because other rows of the file have problems ("all" mode). */
  "held",
  /** The row matches the record: nothing to write. */
  "unchanged",
  "error",
] as const;
export type RowState = (typeof ROW_STATES)[number];

export function rowState(report: Pick<ImportReport, "dryRun">, row: Pick<RowReport, "outcome" | "written">): RowState {
  if (row.outcome === "error" || row.outcome === "unchanged") return row.outcome;
  if (row.written) return row.outcome === "create" ? "created" : "updated";
  if (report.dryRun) return row.outcome === "create" ? "would_create" : "would_update";
  return "held";
}
