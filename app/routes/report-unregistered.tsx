import { data, type ActionFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { isCrossSite } from "~/auth.server";
import { registerNow, submitReport, ctxOf } from "~/registry.server";
import { useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { ReportForm, reportValues, type ReportActionData } from "~/components/report-form";

const FIELDS = [
  { name: "toolName", label: "reportToolName" as StringKey, maxLength: 300 },
  { name: "operator", label: "reportOperator" as StringKey, maxLength: 300 },
  { name: "place", label: "reportPlace" as StringKey, maxLength: 300 },
  { name: "description", label: "reportDescription" as StringKey, long: true, maxLength: 4000 },
  { name: "evidenceUrl", label: "reportEvidenceUrl" as StringKey, type: "url", maxLength: 2000 },
  { name: "contactEmail", label: "reportEmail" as StringKey, type: "email", maxLength: 200 },
];

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, ({ t }) => t("reportUnregisteredTitle"))];

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = reportValues(form, FIELDS.map((f) => f.name));
  if (isCrossSite(request)) return data<ReportActionData>({ ok: false, fields: {}, formError: "commentRejected", values }, { status: 403 });
  const r = await submitReport(ctxOf({ address: context.clientAddress ?? "unknown", now: registerNow() }), { kind: "unregistered_tool", report: { ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")), website: String(form.get("website") ?? "") } });
  if (r.ok) return data<ReportActionData>({ ok: true });
  if (r.reason === "rate_limited") return data<ReportActionData>({ ok: false, fields: {}, formError: "reportRateLimited", values }, { status: 429 });
  return data<ReportActionData>({ ok: false, fields: (r.reason === "invalid" ? r.fields : {}) as Record<string, StringKey>, values }, { status: 400 });
}

export default function ReportUnregistered() {
  const result = useActionData<ReportActionData>();
  const { t, u } = useT();
  return (
    <>
      <h1>{t("reportUnregisteredTitle")}</h1>
      <p className="lead">{t("reportUnregisteredIntro")}</p>
      <p>
        <Link to={u.unregistered()}>{t("unregisteredTitle")}</Link>
      </p>
      <ReportForm fields={FIELDS} result={result} />
    </>
  );
}
