// A reviewer's page for one submission: the impact level and how it was computed, the
// consultation window, the changes since the last approved revision, the whole record, the ten
// findings in one form (as text once decided), and the decision.
import { intentOf, REVIEW_INTENTS } from "~/intents";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure, readOr404, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { urlsFor } from "../../registry/shared/urls";
import { agencyNames, decide, diffRecords, getReviewPage, recordFindings, registerNow, startReview, ctxOf } from "~/registry.server";
import { CRITERIA, DECISIONS } from "../../registry/review/review-terms";
import { FINDING_FIELDS, FindingsForm, FindingsText, findingName, useFindingErrors } from "~/components/review-findings";
import { useT } from "~/i18n/use-lang";
import { FieldErrorSummary } from "~/components/form-page";
import { agenciesInChanges, DiffTable } from "~/components/diff-table";
import { CheckAnswers } from "~/components/check-answers";
import { recordAnswers } from "~/components/check-answers.server";
import { StatusBadge } from "~/components/badges";

// Findings saved as the reviewer goes change nothing this page shows: no reload for them.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) => (formData?.get("autosave") === "1" ? false : defaultShouldRevalidate);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["reviewer"]);
  const ctx = ctxOf({ actor: session.actor });
  const page = await readOr404(getReviewPage(ctx, { toolId: params.id ?? "" }));
  const url = new URL(request.url);
  const diff = page.approvedRevision ? diffRecords(page.approvedRevision.record, page.record) : null;
  // Agencies by name in the record and in the changes.
  const names = await agencyNames(ctx, { slugs: [...(page.record.responsibility?.agencies ?? []).map((a) => a.agency), ...agenciesInChanges(diff ?? [])] });
  return {
    page,
    csrf: session.csrfToken,
    today: registerNow().toISOString().slice(0, 10),
    diff,
    answers: recordAnswers(page.record as Record<string, unknown>),
    agencies: Object.fromEntries(Object.values(names).map((a) => [a.slug, a.name])),
    done: url.searchParams.get("done"),
  };
}

type ActionData = { intent: string; values?: Record<string, string>; awaiting?: boolean } & Partial<FormFailure>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requireSession(request, ["reviewer"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const id = params.id ?? "";
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const intent = intentOf(form, REVIEW_INTENTS) ?? String(form.get("intent") ?? "");
  // Back to this page, in the language space the form was posted from.
  const { lang, prefix } = requestLang({ request, context });
  const u = urlsFor(prefix);
  const opt = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" && v.trim() ? v.trim() : undefined;
  };
  try {
    if (intent === REVIEW_INTENTS.start) await startReview(ctx, { toolId: id });
    else if (intent === REVIEW_INTENTS.finding) {
      // Every criterion with anything filled in; blank ones are left for later.
      const findings = CRITERIA.flatMap((c) => {
        const given = Object.fromEntries(FINDING_FIELDS.flatMap((k) => (opt(findingName(c, k)) ? [[k, opt(findingName(c, k))]] : [])));
        return Object.keys(given).length ? [{ criterion: c, ...given }] : [];
      });
      await recordFindings(ctx, { toolId: id, findings });
      // Saved as the reviewer goes (a fetcher, with JavaScript): stay on the page.
      if (form.get("autosave") === "1") return { intent, saved: findings.map((f) => f.criterion) };
      return redirect(u.reviewTool(id, { done: REVIEW_INTENTS.finding }, "findings"));
    } else if (intent === REVIEW_INTENTS.decide) {
      // decide() refuses a missing or unknown decision itself.
      const r = await decide(ctx, { toolId: id, decision: (opt("decision") ?? "") as (typeof DECISIONS)[number], summary: { ...(opt("summary.zh") ? { zh: opt("summary.zh") } : {}), ...(opt("summary.en") ? { en: opt("summary.en") } : {}) } });
      return redirect(u.reviewTool(id, { done: r.effective ? "decided" : "awaiting" }));
    } else return formRefusal(lang, { intent }, { code: "err_unknown_action" });
  } catch (e) {
    // The findings form comes back with what was typed.
    const values = Object.fromEntries(CRITERIA.flatMap((c) => FINDING_FIELDS.map((k) => [findingName(c, k), String(form.get(findingName(c, k)) ?? "")])));
    return registryFailure(e, lang, { intent, ...(intent === REVIEW_INTENTS.finding ? { values } : {}) });
  }
  return redirect(u.reviewTool(id, { done: intent }));
}

export default function Review() {
  const { page, csrf, today, diff, answers, agencies, done } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, l, text, date, u } = useT();
  const name = text(page.record.identity.name)?.text ?? page.toolId;
  const errors = result?.fields ?? {};
  const hasErrors = Object.keys(errors).length > 0 || Boolean(result?.message);
  const canFind = page.actions.includes("record_finding") && page.myReview && !page.myReview.decision;
  const summaryErrors = useFindingErrors(result?.errors);
  const rc = page.reviewerCount;
  const open = page.consultation && today <= page.consultation.closes;
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("reviewTitle", { name })} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.review()}>← {t("reviewQueueTitle")}</Link>
      </p>
      <h1>{t("reviewTitle", { name })}</h1>
      <p className="muted">
        {page.toolId} · {t("historyRevision", { n: page.revision })} · <StatusBadge group="review" value={page.status} /> ·{" "}
        <Link to={u.tool(page.toolId)}>{t("draftsView")}</Link> · <Link to={u.toolHistory(page.toolId)}>{t("historyLink")}</Link>
      </p>
      {done === "decided" ? (
        <p className="verified" role="status">
          {t("reviewDecided", { decision: l("review", page.status) })}
        </p>
      ) : null}
      {done === "awaiting" ? (
        <p className="verified" role="status">
          {t("reviewAwaitingSecond")}
        </p>
      ) : null}
      {done === REVIEW_INTENTS.finding ? (
        <p className="verified" role="status">
          {t("reviewFindingsSaved")}
        </p>
      ) : null}
      <FieldErrorSummary errors={summaryErrors} message={result?.message} />

      {page.impact ? (
        <p>
          {t("reviewImpact", { level: l("level", page.impact.level), raw: page.impact.rawScore, credit: page.impact.mitigationCredit, net: page.impact.netScore })}
        </p>
      ) : null}
      <p>{t(rc.required > 1 ? "reviewersStatusMany" : "reviewersStatusOne", { required: rc.required, approved: rc.approved, reviewing: rc.reviewing })}</p>
      {rc.required > 1 && page.impact ? <p className="hint">{t("reviewIndependenceRule", { level: l("level", page.impact.level), required: rc.required })}</p> : null}
      {page.consultation ? (
        <p>
          {t("reviewConsultation", { opens: date(page.consultation.opens), closes: date(page.consultation.closes) })}{" "}
          {open ? <strong>{t("reviewConsultationOpen", { date: date(page.consultation.closes) })}</strong> : null}
        </p>
      ) : null}

      {page.actions.includes("start_review") || (page.actions.includes("join_review") && !page.myReview) ? (
        <Form method="post" className="action-form">
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit" name="intent" value={REVIEW_INTENTS.start}>
            {page.actions.includes("start_review") ? t("reviewStart") : t("reviewJoin")}
          </button>
        </Form>
      ) : null}

      <h2>{page.approvedRevision ? t("reviewDiffHeading", { n: page.approvedRevision.number }) : t("reviewRecordHeading")}</h2>
      {diff ? (
        <DiffTable changes={diff} agencies={agencies} />
      ) : (
        <p>{t("reviewDiffNone")}</p>
      )}
      <details>
        <summary>{t("reviewRecordHeading")}</summary>
        <CheckAnswers sections={answers} agencies={agencies} headingLevel={3} />
      </details>

      {page.myReview ? (
        <>
          <h2>{t("reviewFindingsHeading")}</h2>
          {canFind ? (
            <FindingsForm csrf={csrf} saved={page.myReview.findings} values={result?.intent === REVIEW_INTENTS.finding ? result.values : undefined} fields={result?.intent === REVIEW_INTENTS.finding ? errors : {}} />
          ) : (
            <>
              <p className="muted">{page.myReview.decision ? t("reviewFindingsDecided", { decision: l("decision", page.myReview.decision) }) : t("reviewFindingsClosed")}</p>
              <FindingsText saved={page.myReview.findings} />
            </>
          )}

          {canFind ? (
            <Form method="post" className="stacked-form action-form" id="decision">
              <input type="hidden" name="csrf" value={csrf} />
              <h2>{t("reviewDecisionHeading")}</h2>
              <div className="field">
                <label htmlFor="decision-choice">{t("reviewDecisionChoice")}</label>
                <select id="decision-choice" name="decision" defaultValue="">
                  <option value="">—</option>
                  {DECISIONS.filter((d) => page.actions.includes(d)).map((d) => (
                    <option key={d} value={d}>
                      {l("decision", d)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="summary-zh">{t("reviewSummaryZh")}</label>
                <textarea id="summary-zh" name="summary.zh" rows={3} lang="zh-Hans" />
              </div>
              <div className="field">
                <label htmlFor="summary-en">{t("reviewSummaryEn")}</label>
                <textarea id="summary-en" name="summary.en" rows={3} lang="en" />
              </div>
              <button type="submit" name="intent" value={REVIEW_INTENTS.decide}>
                {t("reviewDecideButton")}
              </button>
            </Form>
          ) : null}
        </>
      ) : null}
    </>
  );
}
