// Bulk import for officials: upload a CSV or JSON file, or a file of whole records (/records.ndjson,
// /records.json: each entry a new draft of the official's agency, registry/exchange/records/import-drafts.server.ts;
// runImport tells the two apart), check it (nothing written) or import it.
// Works without JavaScript: a plain multipart form, and the report comes back on the same page.
import {
  data,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { COMPUTED_COLUMNS, IMPORT_COLUMNS, IMPORT_MAX_BYTES, registerNow, runImport, type ImportReport, ctxOf } from "~/registry.server";
import { useT } from "~/i18n/use-lang";
import { ErrorSummary } from "~/components/form";
import { ImportReportView, REPORT_PROBLEMS_SHOWN, REPORT_ROWS_SHOWN } from "~/components/import-report";
import { ImportCodeList } from "~/components/import-codes";
import { Sentence } from "~/components/text";

export async function loader({ request }: LoaderFunctionArgs) {
  const { csrfToken } = await requireSession(request, ["official"]);
  return { csrf: csrfToken, columns: IMPORT_COLUMNS.join(", "), computed: COMPUTED_COLUMNS.join(", "), mb: IMPORT_MAX_BYTES / 1024 / 1024 };
}

type ActionData = { problem: "no_file" | "too_large"; report?: undefined } | { report: ImportReport; problem?: undefined };

export async function action({ request }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  // Refuse an oversized upload before reading it; the multipart limit below catches liars.
  if (Number(request.headers.get("Content-Length") ?? 0) > IMPORT_MAX_BYTES + 64 * 1024) return data<ActionData>({ problem: "too_large" }, { status: 413 });
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: IMPORT_MAX_BYTES }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) return data<ActionData>({ problem: "too_large" }, { status: 413 });
    throw e;
  }
  requireCsrf(session, form);
  const file = form.get("file");
  if (!file || typeof file === "string" || file.size === 0) return data<ActionData>({ problem: "no_file" }, { status: 400 });
  const report = await runImport(ctxOf({ actor: session.actor, now: registerNow() }), { file: { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name }, mode: form.get("mode") === "valid_only" ? "valid_only" : "all", dryRun: form.get("intent") !== "import" });
  // The page shows at most this many rows of each kind; the counts cover the whole file.
  const problems = report.rows.filter((r) => r.outcome === "error").slice(0, REPORT_PROBLEMS_SHOWN);
  const others = report.rows.filter((r) => r.outcome !== "error").slice(0, REPORT_ROWS_SHOWN);
  report.rows = [...problems, ...others].sort((a, b) => a.row - b.row);
  const failed = report.result === "file_refused" || report.result === "refused_invalid_rows";
  return data<ActionData>({ report }, { status: failed ? 400 : 200 });
}

export default function ImportPage() {
  const { csrf, columns, computed, mb } = useLoaderData<typeof loader>();
  const result = useActionData() as ActionData | undefined;
  const busy = useNavigation().state === "submitting";
  const { t, u } = useT();
  const refused = result?.problem || result?.report.result === "file_refused" || result?.report.result === "refused_invalid_rows";
  return (
    <>
      <title>{`${refused ? `${t("errorPrefix")} ` : ""}${t("importTitle")} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.drafts()}>← {t("draftsTitle")}</Link>
      </p>
      <h1>{t("importTitle")}</h1>
      <p className="lead">{t("importIntro")}</p>
      {result?.problem ? (
        <ErrorSummary title={t("formErrorSummary")} items={[{ href: "#import-file", text: result.problem === "no_file" ? t("importNoFile") : t("importTooLarge", { mb }) }]} />
      ) : null}
      {result?.report ? <ImportReportView report={result.report} /> : null}
      <h2>{t("importFormatHeading")}</h2>
      <p>
        <Sentence k="importFormatText" vars={{ columns: <code lang="en">{columns}</code>, computed: <code lang="en">{computed}</code>, mb }} />
      </p>
      <h3>{t("importRecordsHeading")}</h3>
      <p>{t("importRecordsText")}</p>
      <p>
        {t("importInventoryText")} <a href={u.draftsInventoryCsv()}>{t("importInventoryCsv")}</a> · <a href={u.draftsInventoryJson()}>{t("importInventoryJson")}</a>
      </p>
      <Form method="post" encType="multipart/form-data" className="stacked-form">
        <input type="hidden" name="csrf" value={csrf} />
        <div className="field">
          <label htmlFor="import-file">{t("importFileLabel")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,.json,.ndjson,text/csv,application/json" required />
        </div>
        <fieldset>
          <legend>{t("importModeLegend")}</legend>
          <label>
            <input type="radio" name="mode" value="all" defaultChecked /> {t("importModeAll")}
          </label>
          <label>
            <input type="radio" name="mode" value="valid_only" /> {t("importModeValidOnly")}
          </label>
        </fieldset>
        <p className="button-row">
          <button type="submit" name="intent" value="check" disabled={busy}>
            {t("importCheckButton")}
          </button>{" "}
          <button type="submit" name="intent" value="import" className="secondary" disabled={busy}>
            {t("importRunButton")}
          </button>
        </p>
      </Form>
      <ImportCodeList />
    </>
  );
}
