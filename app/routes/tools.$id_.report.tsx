import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { notFound } from "~/http/not-found";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { isCrossSite } from "~/auth.server";
import { ctxOf, getToolDetail, registerNow, submitReport } from "~/registry.server";
import { pickText, useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { ReportForm, reportValues, type ReportActionData } from "~/components/report-form";
import { InlineText, Sentence } from "~/components/text";

const FIELDS = [
  { name: "description", label: "reportDescription" as StringKey, long: true, maxLength: 4000 },
  { name: "evidenceUrl", label: "reportEvidenceUrl" as StringKey, type: "url", maxLength: 2000 },
  { name: "contactEmail", label: "reportEmail" as StringKey, type: "email", maxLength: 200 },
];

export async function loader({ params }: LoaderFunctionArgs) {
  const lookup = await getToolDetail(ctxOf(), { idOrSlug: params.id ?? "" });
  if (!lookup || !("found" in lookup)) throw notFound();
  // The name in both languages: the page and its title show it in the page language, falling back.
  return { id: lookup.found.id, name: lookup.found.record.identity.name };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [pageTitle(matches, ({ t, lang }) => t("reportProblemTitle", { name: pickText(data.name, lang)?.text ?? data.id }))] : [];

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const values = reportValues(form, FIELDS.map((f) => f.name));
  if (isCrossSite(request)) return data<ReportActionData>({ ok: false, fields: {}, formError: "commentRejected", values }, { status: 403 });
  const r = await submitReport(ctxOf({ address: context.clientAddress ?? "unknown", now: registerNow() }), { kind: "record_problem", report: { ...Object.fromEntries(Object.entries(values).filter(([, v]) => v !== "")), website: String(form.get("website") ?? "") }, toolId: params.id ?? "" });
  if (r.ok) return data<ReportActionData>({ ok: true });
  if (r.reason === "not_found") throw notFound();
  if (r.reason === "rate_limited") return data<ReportActionData>({ ok: false, fields: {}, formError: "reportRateLimited", values }, { status: 429 });
  return data<ReportActionData>({ ok: false, fields: (r.reason === "invalid" ? r.fields : {}) as Record<string, StringKey>, values }, { status: 400 });
}

export default function ReportProblem() {
  const { id, name } = useLoaderData<typeof loader>();
  const result = useActionData<ReportActionData>();
  const { t, u } = useT();
  const shownName = <InlineText value={name} otherwise={id} />;
  return (
    <div className="narrow-wide">
      <p>
        <Link to={u.tool(id)}>← {shownName}</Link>
      </p>
      <h1>
        <Sentence k="reportProblemTitle" vars={{ name: shownName }} />
      </h1>
      <p className="lead">{t("reportProblemIntro")}</p>
      <ReportForm fields={FIELDS} result={result} />
    </div>
  );
}
