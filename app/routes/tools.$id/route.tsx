import { data, redirect, type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { notFound } from "~/http/not-found";
import { intentOf, RECORD_INTENTS } from "~/intents";
import { Link, useLoaderData } from "@remix-run/react";
import { actorAgencyNames, commentContactsForAgency, confirmResponsibility, ctxOf, getToolDetail, postComment, registerNow, renderMarkdown, replyToComment } from "~/registry.server";
import { getSession, isCrossSite, requireCsrf, requireSession } from "~/auth.server";
import { refusalKey, throwIfNotFoundOrForbidden } from "~/http/registry-error";
import { Comments, type CommentActionData } from "./comments";
import type { StringKey } from "~/i18n/strings";
import { todayIso } from "../../../registry/lifecycle/sunset";
import { requestLang } from "~/i18n/lang.server";
import { pickText, useT } from "~/i18n/use-lang";
import { metaContext, pageTitle } from "~/i18n/meta";
import { urlsFor } from "../../../registry/shared/urls";
import { LocalText } from "~/components/text";
import { ActorName } from "~/components/actor";
import { ClassificationBadges, StatusBadge } from "~/components/badges";
import { AnswerCard } from "~/components/answer-card";
import { sectionsFor, WithheldContext } from "./sections";
import { RegimeBanner, SunsetBanner } from "./banners";
import { WithheldRecordPage } from "./withheld-record";
import { usePageData } from "./section-fields";
import { PUBLIC_PAGE } from "~/page-cache";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";
import recordV11Styles from "../../styles-record-v11.css?url";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;
export const links: LinksFunction = () => [...dataDownloadsLinks(), { rel: "stylesheet", href: recordV11Styles }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = ctxOf();
  const today = todayIso(ctx.now);
  const lookup = await getToolDetail(ctx, { idOrSlug: params.id ?? "", today });
  if (!lookup) throw notFound();
  // A slug (or a renamed id) answers with the record's address, in the language space it was asked in.
  if ("redirectTo" in lookup) throw redirect(urlsFor(requestLang({ request, context }).prefix).tool(lookup.redirectTo), 301);
  const tool = lookup.found;
  // A record withheld in full: its page shows its name, its id and why, and nothing else reaches the page.
  if (tool.withheldRecord) return { withheldOnly: { id: tool.id, name: tool.record.identity.name, withheldRecord: tool.withheldRecord } };
  const d = tool.record.identity.description;
  // Only the description the page shows: the page language's, else the other one (sections-purpose.tsx).
  const { lang } = requestLang({ request, context });
  const other = lang === "zh" ? "en" : "zh";
  const own = renderMarkdown(d?.[lang]);
  const descriptionHtml: Partial<Record<"zh" | "en", string>> = own ? { [lang]: own } : { [other]: renderMarkdown(d?.[other]) };
  const session = await getSession(request);
  // Only a display hint: replyToComment() checks the agency itself.
  const canReply = Boolean(
    session?.actor.role === "official" && session.actor.agencySlug !== null && session.actor.agencySlug in tool.agencies,
  );
  // A record mirrored from another register is read-only here (registry/lifecycle/facts.server.ts refuses too).
  const canRecordFacts = !tool.mirrored && (canReply || session?.actor.role === "reviewer");
  // An official of an agency the record names without its confirmation may confirm it here.
  const mine = session?.actor.role === "official" ? session.actor.agencySlug : null;
  const confirmAs = mine && mine in tool.unconfirmedAgencies ? mine : null;
  // Commenters' e-mails: only for officials of the owning agency (empty for everyone else).
  const contactEmails = await commentContactsForAgency(ctxOf({ actor: session?.actor ?? null }), { toolId: tool.id });
  // Reviewers are named by role and agency, never by the stored "reviewer@<agency code>".
  const reviewerAgencies = await actorAgencyNames(ctx, { actors: tool.reviews.flatMap((r) => (r.reviewer ? [r.reviewer] : [])) });
  return {
    tool,
    reviewerAgencies,
    descriptionHtml,
    today,
    canReply,
    canRecordFacts,
    confirmAs,
    contactEmails,
    csrf: session?.csrfToken ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const form = await request.formData();
  // No intent, or an unknown one, is the public comment form (the page's main form).
  const intent = intentOf(form, RECORD_INTENTS, RECORD_INTENTS.comment) ?? RECORD_INTENTS.comment;
  const id = params.id ?? "";
  const now = registerNow();
  const u = urlsFor(requestLang({ request, context }).prefix);
  if (intent === RECORD_INTENTS.confirmResponsibility) {
    const session = await requireSession(request, ["official"]);
    requireCsrf(session, form);
    try {
      await confirmResponsibility(ctxOf({ actor: session.actor, now }), { toolId: id });
    } catch (e) {
      throwIfNotFoundOrForbidden(e); // 404 or 403; already confirmed: nothing to do
    }
    return redirect(u.tool(id, "responsibility"));
  }
  if (intent === RECORD_INTENTS.reply) {
    const session = await requireSession(request, ["official"]);
    requireCsrf(session, form);
    const commentId = Number(form.get("commentId"));
    try {
      await replyToComment(ctxOf({ actor: session.actor, now }), { commentId: Number.isInteger(commentId) ? commentId : -1, body: form.get("body") });
    } catch (e) {
      const { key, status } = refusalKey(e, "commentRejected");
      return data<CommentActionData>({ intent: RECORD_INTENTS.reply, commentId, error: key }, { status });
    }
    return redirect(u.tool(id, `comment-${commentId}`));
  }
  // A public comment: no account, so no CSRF token; refuse posts from other sites instead.
  // The answer is the page itself with the thank-you or the error (the form posts to its
  // "#comment-result" anchor), never a redirect to a thank-you address the page cache could keep.
  const values = {
    body: String(form.get("body") ?? "").slice(0, 10_000),
    displayName: String(form.get("displayName") ?? "").slice(0, 200),
    contactEmail: String(form.get("contactEmail") ?? "").slice(0, 300),
  };
  if (isCrossSite(request)) return data<CommentActionData>({ intent: RECORD_INTENTS.comment, ok: false, fields: {}, formError: "commentRejected", values }, { status: 403 });
  const comment = {
    body: values.body,
    ...(values.displayName ? { displayName: values.displayName } : {}),
    ...(values.contactEmail ? { contactEmail: values.contactEmail } : {}),
    website: String(form.get("website") ?? ""),
    // The form's resubmission token (made in the browser; absent without JavaScript).
    ...(form.get("token") ? { token: String(form.get("token")).slice(0, 100) } : {}),
  };
  const r = await postComment(ctxOf({ address: context.clientAddress ?? "unknown", now }), { toolId: id, comment });
  if (r.ok) return data<CommentActionData>({ intent: RECORD_INTENTS.comment, ok: true });
  if (r.reason === "not_found") throw notFound();
  if (r.reason === "rate_limited") return data<CommentActionData>({ intent: RECORD_INTENTS.comment, ok: false, fields: {}, formError: "commentRateLimited", values }, { status: 429 });
  return data<CommentActionData>({ intent: RECORD_INTENTS.comment, ok: false, fields: r.fields as Record<string, StringKey>, values }, { status: 400 });
}

// The title: the tool's name in the page language (or the other one, if it has only that) and its id.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const { lang, u } = metaContext(matches);
  if ("withheldOnly" in data) {
    const w = data.withheldOnly;
    return [pageTitle(matches, () => `${pickText(w.name, lang)?.text ?? w.id} (${w.id})`)];
  }
  const identity = data.tool.record.identity;
  return [
    pageTitle(matches, () => `${pickText(identity.name, lang)?.text ?? data.tool.id} (${data.tool.id})`),
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.toolChangesAtom(data.tool.id) },
    // The summary in the page language, as search engines show it under the title.
    { name: "description", content: pickText(identity.summary, lang)?.text ?? "" },
  ];
};

function ReviewPanel() {
  const { tool, today, reviewerAgencies } = usePageData();
  const { t, l, date } = useT();
  const c = tool.consultation;
  const decided = tool.reviews.filter((r) => r.decision);
  if (!c && !decided.length && !tool.consultationResponse) return null;
  return (
    <section className="review-panel" aria-labelledby="review-panel-h">
      <h2 id="review-panel-h">{t("reviewPanelHeading")}</h2>
      {c ? (
        <p className="consultation">
          {today <= c.closes
            ? t("reviewPanelConsultationOpen", { opens: date(c.opens), closes: date(c.closes) })
            : t("reviewPanelConsultationClosed", { opens: date(c.opens), closes: date(c.closes) })}
        </p>
      ) : null}
      {tool.consultationResponse ? (
        <div className="review-box">
          <h3>{t("responsePosted", { date: date(tool.consultationResponse.postedAt.slice(0, 10)) })}</h3>
          <p>
            <strong>{t("responseRaised")}{t("labelColon")}</strong><LocalText value={tool.consultationResponse.raised} />
          </p>
          <p>
            <strong>{t("responseChanged")}{t("labelColon")}</strong><LocalText value={tool.consultationResponse.changed} />
          </p>
        </div>
      ) : null}
      {decided.map((r, i) => {
        const count = (rating: string) => r.findings.filter((f) => f.rating === rating).length;
        const conditions = r.findings.filter((f) => f.condition);
        return (
          <div key={i} className="review-box">
            <p>
              <strong>{t("historyDecision")}{t("labelColon")}</strong>
              {l("decision", r.decision!)} · {r.reviewer ? <ActorName actor={r.reviewer} agencies={reviewerAgencies} /> : null} · {date(r.decidedAt!.slice(0, 10))}
            </p>
            <p>
              <strong>{t("historySummary")}{t("labelColon")}</strong><LocalText value={r.summary} />
            </p>
            <p>{t("reviewPanelFindingsSummary", { met: count("met"), partly: count("partly_met"), notMet: count("not_met"), na: count("not_applicable") })}</p>
            {conditions.length ? (
              <>
                <h3>{t("reviewPanelConditions")}</h3>
                <ul>
                  {conditions.map((f) => (
                    <li key={f.criterion}>
                      {f.criterion}. {l("criterion", String(f.criterion))}: {t("reviewPanelConditionDue", { condition: f.condition!, date: date(f.conditionDeadline) })}{" "}
                      {f.conditionDeadline && f.conditionDeadline < today ? <strong className="overdue">{t("historyOverdue")}</strong> : null}
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        );
      })}
    </section>
  );
}

export default function ToolPage() {
  const data = useLoaderData<typeof loader>();
  if ("withheldOnly" in data) return <WithheldRecordPage w={data.withheldOnly} />;
  return <RecordPage />;
}

function RecordPage() {
  const { tool, csrf, canReply, canRecordFacts, contactEmails, today } = usePageData();
  const { t, text, date, u } = useT();
  const r = tool.record;
  const sections = sectionsFor(r);
  const shownName = text(r.identity.name);
  const original = r.identity.originalLanguage;
  return (
    <article className="tool-page">
      <p className="breadcrumbs">
        <Link to={u.tools()}>{t("navTools")}</Link> / <span className="tool-id">{tool.id}</span>
      </p>
      <h1>
        <LocalText value={r.identity.name} />
      </h1>
      {shownName && !shownName.fallback && shownName.lang !== original && r.identity.name[original] ? (
        <p className="original-name" lang={original === "zh" ? "zh-Hans" : "en"}>
          {t("fOriginalName")}: {r.identity.name[original]}
        </p>
      ) : null}
      <RegimeBanner />
      <SunsetBanner />
      <LocalText value={r.identity.summary} as="p" className="lead" />
      <AnswerCard tool={tool} />
      <ReviewPanel />
      <p className="badges">
        <StatusBadge group="status" value={r.lifecycle.deploymentStatus} />
        {tool.mirrored ? (
          // Never this register's review status or impact level: the classes the source regimes gave it.
          <ClassificationBadges classifications={tool.mirrored.review.classifications} />
        ) : (
          <>
            <StatusBadge group="review" value={tool.revision.status} />
            <StatusBadge group="level" value={tool.impact?.level ?? null} />
          </>
        )}
      </p>
      <p className="muted">
        {t("idLabel")}: {tool.id} · {t("revisionLabel", { n: tool.revision.number, count: tool.revisionCount, date: date(tool.revision.publishedAt) })} ·{" "}
        <Link to={u.toolHistory(tool.id)}>{t("historyLink")}</Link> · <Link to={u.toolReport(tool.id)}>{t("reportProblemLink")}</Link>
        {canRecordFacts ? (
          <>
            {" · "}
            <Link to={u.toolFacts(tool.id)}>{t("factsLink")}</Link>
          </>
        ) : null}
      </p>
      <nav aria-labelledby="toc-h" className="toc">
        <h2 id="toc-h">{t("onThisPage")}</h2>
        <ol>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{t(s.title)}</a>
            </li>
          ))}
          <li>
            <a href="#comments">{t("commentsHeading")}</a>
          </li>
        </ol>
      </nav>
      <WithheldContext.Provider value={r.withheld}>
        {sections.map(({ id, title, Component }) => (
          <section key={id} id={id} aria-labelledby={`${id}-h`} className="record-section">
            <h2 id={`${id}-h`}>{t(title)}</h2>
            <Component />
          </section>
        ))}
      </WithheldContext.Provider>
      <Comments
        comments={tool.comments}
        csrf={csrf}
        canReply={canReply}
        contactEmails={contactEmails}
        agencyNames={Object.fromEntries(Object.entries(tool.agencies).map(([slug, a]) => [slug, a.name]))}
        consultationOpenUntil={tool.consultation && today <= tool.consultation.closes ? tool.consultation.closes : null}
        mirrored={tool.mirrored !== null}
      />
      <DataDownloads view={{ kind: "record", id: tool.id }} />
    </article>
  );
}
