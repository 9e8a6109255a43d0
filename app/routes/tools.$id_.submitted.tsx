// The confirmation after submitting a revision for review (GOV.UK "confirmation pages"): what
// was submitted, what happens next (the consultation, how many independent reviewers the level
// needs), and the way to the public record and the agency's records. Owning officials only.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSession } from "~/auth.server";
import { readOr404 } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { ctxOf, registerNow, submittedSummary } from "~/registry.server";
import { urlsFor } from "../../registry/shared/urls";
import { taskListLinks } from "~/components/task-list";
import { useT } from "~/i18n/use-lang";

export const links = taskListLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const summary = await readOr404(submittedSummary(ctx, { toolId: params.id ?? "" }));
  // Nothing submitted yet: back to the draft's task list.
  if (!summary.submitted) throw redirect(urlsFor(requestLang({ request, context }).prefix).toolEdit(summary.toolId));
  return summary;
}

export default function Submitted() {
  const s = useLoaderData<typeof loader>();
  const { t, l, text, date, u } = useT();
  const name = text(s.name)?.text ?? s.toolId;
  return (
    <>
      <title>{`${t("submittedTitle")} · ${name} · ${t("siteName")}`}</title>
      <div className="confirmation-panel" role="status">
        <h1>{t("submittedTitle")}</h1>
        <p>{t("submittedReference", { name, id: s.toolId, n: s.number })}</p>
      </div>
      <h2>{t("submittedNextHeading")}</h2>
      <p>{t("submittedPublic")}</p>
      {s.consultation ? <p>{t("submittedConsultation", { date: date(s.consultation.closes) })}</p> : null}
      {s.impactLevel && s.reviewersRequired ? <p>{t("submittedReviewers", { level: l("level", s.impactLevel), n: s.reviewersRequired })}</p> : null}
      <p>{t("submittedDecision")}</p>
      <ul>
        <li>
          <Link to={u.tool(s.toolId)}>{t("submittedViewRecord")}</Link>
        </li>
        <li>
          <Link to={u.toolEdit(s.toolId)}>{t("ownerTitle", { name })}</Link>
        </li>
        <li>
          <Link to={u.drafts()}>{t("draftsTitle")}</Link>
        </li>
      </ul>
    </>
  );
}
