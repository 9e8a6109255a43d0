// The whole-record import on the command line (npm run import -- FILE --format records): the
// admin it acts as, and its report in English sentences, one per problem, led by where the entry
// is in the file and its tool. Returns the exit code: 0 when everything was imported (or checked
// clean), 1 when the file or an entry had problems (nothing was written then).
import { actorById } from "../registry/auth/accounts.server";
import type { Actor } from "../registry/auth/roles";
import { stmt, type Db } from "../registry/shared/db.server";
import { RegistryError } from "../registry/shared/errors";
import { ctxOf } from "../registry/shared/context";
import { registerNow } from "../registry/shared/clock.server";
import { importRecords, type EntryReport, type RecordsImportReport } from "../registry/exchange/records/import.server";
import { issueLine, noticeMessage } from "../app/i18n/refusal";

/**
 * The named active account (an admin imports whole records as they are; an official, as drafts of
 * their agency; anyone else is refused by the import), or else the first active admin.
 */
export function recordsImportActor(email: string | undefined, db: Db): Actor {
  const row = (
    email
      ? stmt(db, `SELECT id FROM users WHERE email = ? AND disabled_at IS NULL`).get(email.trim().toLowerCase())
      : stmt(db, `SELECT id FROM users WHERE role = 'admin' AND disabled_at IS NULL ORDER BY id LIMIT 1`).get()
  ) as { id: number } | undefined;
  const actor = row ? actorById(row.id, db) : null;
  if (!actor) throw new RegistryError("not_found", { issues: [email ? { code: "err_import_account_unknown", params: { email } } : { code: "err_records_no_admin" }] });
  return actor;
}

const where = (e: EntryReport) => `${"line" in e.place ? `line ${e.place.line}` : `entry ${e.place.item}`}${e.id ? ` (${e.id})` : ""}`;

function printReport(report: RecordsImportReport, file: string): void {
  for (const n of report.fileNotices) console.log(`${file}: ${noticeMessage(n, "en")}`);
  for (const e of report.entries) {
    for (const p of e.problems) console.log(`${file}: ${where(e)}${p.revision !== undefined && !p.code.startsWith("err_records_") ? `, revision ${p.revision}` : ""}: ${issueLine(p, "en")}`);
    if (!e.problems.length && report.result !== "file_refused")
      console.log(`${file}: ${where(e)}: ${report.result === "imported" ? "imported" : "can be imported"} with ${e.revisions} ${e.revisions === 1 ? "revision" : "revisions"}.`);
  }
  const bad = report.entries.filter((e) => e.problems.length).length;
  const w = report.written;
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  console.log(
    {
      file_refused: "The file was refused; nothing was imported.",
      refused: `Nothing was imported because ${bad} of ${report.entries.length} tools have problems; no tool was written.`,
      checked: `Checked; nothing was written. All ${report.entries.length} tools can be imported.`,
      imported: `Imported ${n(w.tools, "tool", "tools")} with ${n(w.revisions, "revision", "revisions")}${w.agencies ? `, and created ${n(w.agencies, "agency", "agencies")}` : ""}.`,
    }[report.result],
  );
}

export function importRecordsFile(db: Db, opts: { file: string; text: string; actor: Actor; createAgencies: boolean; check: boolean }): number {
  const actor = opts.actor;
  const report = importRecords(ctxOf({ actor, now: registerNow(), db }), { text: opts.text, createAgencies: opts.createAgencies, dryRun: opts.check });
  printReport(report, opts.file);
  return report.result === "imported" || report.result === "checked" ? 0 : 1;
}
