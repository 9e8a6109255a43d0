// The report of a bulk import or check: the result, whole-file problems, each row with a problem
// (row, column, what to fix), then every row. Long files are cut to keep the page usable; the
// counts always cover the whole file.
import type { ImportReport } from "../../registry/exchange/import/import.server";
import { ErrorSummary } from "./form";
import { useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";
import { fieldLabel, issueMessage } from "~/i18n/errors";
import { noticeMessage } from "~/i18n/refusal";
import { rowStateKey } from "~/i18n/import-rows";

export const REPORT_ROWS_SHOWN = 1000;
const SHOW = REPORT_ROWS_SHOWN;
/** At most this many problems (one per cell) are listed; the rest are counted. */
export const REPORT_PROBLEMS_SHOWN = 200;

export function ImportReportView({ report }: { report: ImportReport }) {
  const { t, num, u, lang } = useT();
  const c = report.counts;
  const vars = { ...c, created: report.written.created, updated: report.written.updated } as Record<string, number>;
  const summary: Record<ImportReport["result"], StringKey> = {
    checked: "importResultChecked",
    imported: "importResultImported",
    refused_invalid_rows: "importResultRefusedRows",
    file_refused: "importResultFileRefused",
  };
  const problems = report.rows.filter((r) => r.outcome === "error");
  // Whole-file problems are codes with parameters, worded in the page's language as the command line words them.
  const fileItems = report.fileNotices.map((notice) => ({ href: "#import-file", text: noticeMessage(notice, lang) }));
  // A file of whole records has entries (by line or item) and record fields, named by their labels; a table has rows and columns.
  const rowHeading = report.records ? t("importColEntry") : t("importColRow");
  const where = (e: (typeof report.rows)[number]["errors"][number]) =>
    report.records || !e.field ? (fieldLabel(e.path, lang) ?? "") : <code>{e.field}</code>;
  // One line per problem, the first REPORT_PROBLEMS_SHOWN of them; the rest are counted.
  const problemLines = problems.flatMap((r) => r.errors.map((e, i) => ({ r, e, i })));
  const hiddenProblems = Math.max(0, (c.problems ?? problemLines.length) - REPORT_PROBLEMS_SHOWN);
  return (
    <section aria-labelledby="report-h" className="import-report">
      <h2 id="report-h">{t("importReportHeading")}</h2>
      <ErrorSummary title={t("importResultFileRefused")} items={fileItems} />
      {report.result !== "file_refused" ? (
        <p role="status" className={report.result === "imported" && !c.error ? "verified" : "notice"}>
          {t(summary[report.result], Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, num(v)])))}
        </p>
      ) : null}
      {report.warnings?.length ? (
        <div className="notice">
          <h3>{t("importWarningsHeading")}</h3>
          {report.warnings.map((w, i) => (
            <p key={i}>{noticeMessage(w, lang)}</p>
          ))}
        </div>
      ) : null}
      {report.ignoredColumns.length ? <p className="muted">{t("importIgnoredColumns", { columns: report.ignoredColumns.join(", ") })}</p> : null}
      {problems.length ? (
        <>
          <h3>{t("importProblemsHeading")}</h3>
          {c.error > problems.length || problems.length > SHOW ? <p>{t("importShownOf", { shown: num(Math.min(SHOW, problems.length)), total: num(c.error) })}</p> : null}
          <div className="table-scroll">
            <table className="log-table">
              <thead>
                <tr>
                  <th scope="col">{rowHeading}</th>
                  <th scope="col">{t("importColName")}</th>
                  <th scope="col">{report.records ? t("importColRecordField") : t("importColField")}</th>
                  <th scope="col">{t("importColMessage")}</th>
                </tr>
              </thead>
              <tbody>
                {problemLines.slice(0, REPORT_PROBLEMS_SHOWN).map(({ r, e, i }) => (
                  <tr key={`${r.row}-${i}`}>
                    <td>{r.row}</td>
                    <td>{r.name}</td>
                    <td>{where(e)}</td>
                    <td>{issueMessage(e, lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {hiddenProblems ? <p>{t("importMoreProblems", { n: num(hiddenProblems) })}</p> : null}
        </>
      ) : null}
      {report.rows.length ? (
        <details open={report.rows.length <= 50}>
          <summary>
            {t("importRowsHeading")} ({num(c.rows)})
          </summary>
          {c.rows > report.rows.length || report.rows.length > SHOW ? <p>{t("importShownOf", { shown: num(Math.min(SHOW, report.rows.length)), total: num(c.rows) })}</p> : null}
          <div className="table-scroll">
            <table className="log-table">
              <thead>
                <tr>
                  <th scope="col">{rowHeading}</th>
                  <th scope="col">{t("importColId")}</th>
                  <th scope="col">{t("importColName")}</th>
                  <th scope="col">{t("importColOutcome")}</th>
                </tr>
              </thead>
              <tbody>
                {report.rows.slice(0, SHOW).map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.id && r.written ? <a href={u.toolEdit(r.id)}>{r.id}</a> : (r.id ?? "—")}</td>
                    <td>{r.name}</td>
                    <td>{t(rowStateKey(report, r))}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </section>
  );
}
