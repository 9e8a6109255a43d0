// One import row's result in words, for the upload page, the command line and the report CSV:
// from what was checked and whether it was written (registry/exchange/import/row-state.ts), so no
// row is called created when the file was refused or only checked.
import type { ImportReport, RowReport } from "../../registry/exchange/import/import.server";
import { rowState, type RowState } from "../../registry/exchange/import/row-state";
import { translate, type Lang, type StringKey } from "./strings";

const STATE_KEY: Record<RowState, StringKey> = {
  created: "importStateCreated",
  updated: "importStateUpdated",
  would_create: "importStateWouldCreate",
  would_update: "importStateWouldUpdate",
  held: "importStateHeld",
  unchanged: "importStateUnchanged",
  error: "importStateError",
};

export function rowStateKey(report: Pick<ImportReport, "dryRun">, row: Pick<RowReport, "outcome" | "written">): StringKey {
  return STATE_KEY[rowState(report, row)];
}

export function rowStateText(report: Pick<ImportReport, "dryRun">, row: Pick<RowReport, "outcome" | "written">, lang: Lang): string {
  return translate(lang, rowStateKey(report, row));
}
