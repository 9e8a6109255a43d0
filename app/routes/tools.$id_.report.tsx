import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { isCrossSite } from "~/auth.server";
import { getToolDetail, registerNow, submitReport } from "~/registry.server";
import { resolveLang } from "~/i18n/lang.server";
import { pickText, useT } from "~/i18n/use-lang";
import { translate, type StringKey } from "~/i18n/strings";
import { ReportForm, reportValues, type ReportActionData } from "~/components/report-form";

const FIELDS = [
  { name: "description", label: "reportDescription" as StringKey, long: true, maxLength: 4000 },
  { name: "evidenceUrl", label: "reportEvidenceUrl" as StringKey, type: "url", maxLength: 2000 },
  { name: "contactEmail", label: "reportEmail" as StringKey, type: "email", maxLength: 200 },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lookup = getToolDetail(params.id ?? "");
  if (!lookup || !("found" in lookup)) throw new Response("Not Found", { status: 404 });
  const lang = await resolveLang(request);
  const name = pickText(lookup.found.record.identity.name, lang)?.text ?? lookup.found.id;
  return { id: lookup.found.id, name, title: `${translate(lang, "reportProblemTitle", { name })} · ${translate(lang, "siteName")}` };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Report" }];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = reportValues(form, FIELDS.map((f) => f.name));
  if (isCrossSite(request)) return data<ReportActionData>({ ok: false, fields: {}, formError: "commentRejected", values }, { status: 403 });
  const r = submitReport(
    "record_problem",
    { ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")), website: String(form.get("website") ?? "") },
    { toolId: params.id ?? "", address: context.clientAddress ?? "unknown", now: registerNow() },
  );
  if (r.ok) return data<ReportActionData>({ ok: true });
  if (r.reason === "not_found") throw new Response("Not Found", { status: 404 });
  if (r.reason === "rate_limited") return data<ReportActionData>({ ok: false, fields: {}, formError: "reportRateLimited", values }, { status: 429 });
  return data<ReportActionData>({ ok: false, fields: (r.reason === "invalid" ? r.fields : {}) as Record<string, StringKey>, values }, { status: 400 });
}

export default function ReportProblem() {
  const { id, name } = useLoaderData<typeof loader>();
  const result = useActionData<ReportActionData>();
  const { t } = useT();
  return (
    <div className="narrow-wide">
      <p>
        <Link to={`/tools/${id}`}>← {name}</Link>
      </p>
      <h1>{t("reportProblemTitle", { name })}</h1>
      <p className="lead">{t("reportProblemIntro")}</p>
      <ReportForm fields={FIELDS} result={result} />
    </div>
  );
}
