import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { foundOr404 } from "~/http/not-found";
import { Link, useLoaderData } from "@remix-run/react";
import { actorAgencyNames, agencyNames, getToolHistory, ctxOf } from "~/registry.server";
import { todayIso } from "../../registry/lifecycle/sunset";
import { pickText, useT } from "~/i18n/use-lang";
import { pageTitle } from "~/i18n/meta";
import { InlineText, LocalText, Sentence } from "~/components/text";
import { agenciesInChanges, DiffTable } from "~/components/diff-table";
import { ActorName, actorLabel } from "~/components/actor";
import { publicPage } from "~/page-cache";
import { TableRegion } from "~/components/table-region";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = publicPage(["from", "to"]);

const revisionParam = (v: string | null) => (v && /^\d{1,6}$/.test(v) ? Number(v) : undefined);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const history = foundOr404(await getToolHistory(ctxOf(), { toolId: params.id ?? "", from: revisionParam(url.searchParams.get("from")), to: revisionParam(url.searchParams.get("to")) }));
  const actors = [...history.events.map((e) => e.actor), ...history.revisions.flatMap((r) => r.reviews.map((rv) => rv.reviewer))];
  const named = await agencyNames(ctxOf(), { slugs: agenciesInChanges(history.comparison?.changes ?? []) });
  return { history, agencies: await actorAgencyNames(ctxOf(), { actors }), changedAgencies: Object.fromEntries(Object.values(named).map((a) => [a.slug, a.name])), today: todayIso() };
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) =>
  data ? [pageTitle(matches, ({ t, lang }) => `${t("historyTitle", { name: pickText(data.history.name, lang)?.text ?? data.history.id })} (${data.history.id})`)] : [];

export default function History() {
  const { history, agencies, changedAgencies, today } = useLoaderData<typeof loader>();
  const { t, l, lang, date, dateTime, u } = useT();
  const c = history.comparison;
  return (
    <>
      <p>
        <Link to={u.tool(history.id)}>← {t("historyBackToRecord")}</Link>
      </p>
      <h1>
        <Sentence k="historyTitle" vars={{ name: <InlineText value={history.name} otherwise={history.id} /> }} />
      </h1>
      <p className="lead">{t("historyIntro")}</p>

      <h2>{t("historyRevisions")}</h2>
      <ol className="revision-list" reversed>
        {[...history.revisions].reverse().map((r) => (
          <li key={r.number} id={`revision-${r.number}`}>
            <h3>
              {t("historyRevision", { n: r.number })} · {l("review", r.status)}
            </h3>
            {r.submittedAt ? <p>{t("historySubmitted", { date: date(r.submittedAt) })}</p> : null}
            <p className="muted">
              {t("historyHash")}: <code>{r.recordSha256.slice(0, 16)}…</code>
            </p>
            {r.reviews.map((rv, i) => (
              <section key={i} className="review-box" aria-label={t("historyReviewBy", { who: actorLabel(rv.reviewer, agencies, lang) })}>
                <h4>
                  <Sentence k="historyReviewBy" vars={{ who: <ActorName actor={rv.reviewer} agencies={agencies} /> }} />
                </h4>
                {rv.decision ? (
                  <>
                    <p>
                      <strong>{t("historyDecision")}:</strong> {l("decision", rv.decision)} ({date(rv.decidedAt)})
                    </p>
                    <p>
                      <strong>{t("historySummary")}:</strong> <LocalText value={rv.summary} />
                    </p>
                    {rv.findings.length ? (
                      <TableRegion label={t("historyFindings")}>
                        <table className="log-table">
                          <caption>{t("historyFindings")}</caption>
                          <thead>
                            <tr>
                              <th scope="col">{t("historyCriterion")}</th>
                              <th scope="col">{t("historyRating")}</th>
                              <th scope="col">{t("historySeverity")}</th>
                              <th scope="col">{t("historyRecommendation")}</th>
                              <th scope="col">{t("historyCondition")}</th>
                            </tr>
                          </thead>
                          <tbody>
                            {rv.findings.map((f) => (
                              <tr key={f.criterion}>
                                <td>
                                  {f.criterion}. {l("criterion", String(f.criterion))}
                                </td>
                                <td>{l("rating", f.rating)}</td>
                                <td>{f.severity ? l("severity", f.severity) : "—"}</td>
                                <td>{f.recommendation ?? "—"}</td>
                                <td>
                                  {f.condition ? (
                                    <>
                                      {f.condition} ({t("historyDeadline")}: {date(f.conditionDeadline)}){" "}
                                      {f.conditionDeadline && f.conditionDeadline < today ? <strong className="overdue">{t("historyOverdue")}</strong> : null}
                                    </>
                                  ) : (
                                    "—"
                                  )}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </TableRegion>
                    ) : null}
                  </>
                ) : (
                  <p>{t("historyPending")}</p>
                )}
              </section>
            ))}
          </li>
        ))}
      </ol>

      <h2 id="compare">{t("historyCompare")}</h2>
      {history.revisions.length > 1 ? (
        <form method="get" className="compare-form">
          <label htmlFor="from">{t("historyFrom")}</label>
          <select id="from" name="from" defaultValue={c?.from}>
            {history.revisions.map((r) => (
              <option key={r.number} value={r.number}>
                {r.number}
              </option>
            ))}
          </select>
          <label htmlFor="to">{t("historyTo")}</label>
          <select id="to" name="to" defaultValue={c?.to}>
            {history.revisions.map((r) => (
              <option key={r.number} value={r.number}>
                {r.number}
              </option>
            ))}
          </select>
          <button type="submit">{t("historyCompareButton")}</button>
        </form>
      ) : (
        <p className="empty">{t("historyOneRevision")}</p>
      )}
      {c ? (
        c.changes.length ? (
          <DiffTable changes={c.changes} caption={t("historyChanges", { from: c.from, to: c.to })} agencies={changedAgencies} />
        ) : (
          <p>{t("historyNoChanges")}</p>
        )
      ) : null}

      <h2>{t("historyEvents")}</h2>
      <ol className="event-list">
        {history.events.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{dateTime(e.at)}</time> — {l("eventKind", e.kind)} (<ActorName actor={e.actor} agencies={agencies} />) ·{" "}
            <Link to={u.log({ page: Math.ceil(e.id / 100) })}>
              #{e.id} <code>{e.hash.slice(0, 12)}</code>
            </Link>
          </li>
        ))}
      </ol>
    </>
  );
}
