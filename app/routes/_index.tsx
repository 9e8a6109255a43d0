import { Fragment } from "react";
import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, getHomeSummary } from "~/registry.server";
import type { FacetCount } from "../../registry/records/list.server";
import { FACET_DEFS, type EnumFacet } from "../../registry/records/query";
import { ToolCard } from "~/components/tool-card";
import { LocalText } from "~/components/text";
import { SearchForm } from "~/components/search-form";
import { useT } from "~/i18n/use-lang";
import { metaContext } from "~/i18n/meta";
import type { StringKey } from "~/i18n/strings";
import { loaderCacheControl, PUBLIC_PAGE } from "~/page-cache";
import { staleAware } from "~/page-cache.server";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;
export const headers = loaderCacheControl;

export async function loader() {
  const summary = await getHomeSummary(ctxOf());
  return staleAware({ summary }, summary.stale);
}

// Feed readers find the register's changes from its front page. The front page's title is the
// register's name alone.
export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t, u } = metaContext(matches);
  return [{ title: t("siteName") }, { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.changesAtom(), title: t("feedLink") }];
};

function CountTable({ title, facet, counts }: { title: string; facet: EnumFacet; counts: FacetCount[] }) {
  const group = FACET_DEFS[facet].labels;
  const { l, num, u } = useT();
  return (
    <section className="count-box" aria-labelledby={`count-${facet}`}>
      <h3 id={`count-${facet}`}>{title}</h3>
      <ul>
        {counts.map((c) => (
          <li key={c.value}>
            <Link to={u.tools({ [facet]: c.value })}>{l(group, c.value)}</Link> <span className="count">{num(c.count)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

const UNLAWFUL_GROUPS: { heading: StringKey; statuses: string[] }[] = [
  { heading: "homeUnlawfulRunning", statuses: ["in_use", "pilot"] },
  { heading: "homeUnlawfulSuspended", statuses: ["suspended"] },
  { heading: "homeUnlawfulOther", statuses: ["proposed"] },
];

export default function Home() {
  const { summary: s } = useLoaderData<typeof loader>();
  const { t, num, date, u } = useT();
  return (
    <>
      <h1>{t("siteName")}</h1>
      <p className="lead">{t("homeIntro")}</p>
      <SearchForm id="home-q" />
      {s.total === 0 ? <p className="notice">{t("emptyRegister")}</p> : null}
      <p className="total">{t("homeTotal", { n: num(s.total) })}</p>

      <section aria-labelledby="unlawful-h" className="alert-section">
        <h2 id="unlawful-h">{t("homeUnlawful")}</h2>
        <p>{t("homeUnlawfulIntro")}</p>
        {UNLAWFUL_GROUPS.map(({ heading, statuses }) => {
          // Said per group, because most of these tools are suspended rather than running.
          const tools = s.unlawful.filter((tool) => statuses.includes(tool.deploymentStatus));
          return tools.length ? (
            <Fragment key={heading}>
              <h3>{t(heading)}</h3>
              <ul className="tool-list">
                {tools.map((tool) => (
                  <ToolCard key={tool.id} tool={tool} />
                ))}
              </ul>
            </Fragment>
          ) : null;
        })}
        {s.mirroredCount ? <p className="regime-left-out">{t("regimeHomeLeftOut", { n: num(s.mirroredCount) })}</p> : null}
        {s.unlawfulCount > s.unlawful.length ? (
          <p>
            <Link to={u.tools({ sunset: "no_sunset" })}>{t("homeUnlawfulMore", { n: num(s.unlawfulCount) })}</Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="due-h">
        <h2 id="due-h">{t("homeDueSoon")}</h2>
        {s.dueSoon.length ? (
          <ul className="tool-list">
            {s.dueSoon.map((tool) => (
              <ToolCard key={tool.id} tool={tool} />
            ))}
          </ul>
        ) : (
          <p className="empty">{t("homeDueSoonEmpty")}</p>
        )}
      </section>

      <section aria-labelledby="counts-h">
        <h2 id="counts-h" className="visually-hidden">
          {t("filters")}
        </h2>
        <div className="count-grid">
          <CountTable title={t("homeByKind")} facet="kind" counts={s.byKind} />
          <CountTable title={t("homeByStatus")} facet="status" counts={s.byDeployment} />
          <CountTable title={t("homeByReview")} facet="review" counts={s.byReview} />
          <CountTable title={t("homeByLevel")} facet="level" counts={s.byLevel} />
          <CountTable title={t("homeBySunset")} facet="sunset" counts={s.bySunset} />
          {s.mirroredCount ? <CountTable title={t("homeByRegime")} facet="regime" counts={s.byRegime} /> : null}
        </div>
      </section>

      <section aria-labelledby="recent-h">
        <h2 id="recent-h">{t("homeRecent")}</h2>
        {s.recent.length ? (
          <ol className="recent">
            {s.recent.map((r) => (
              <li key={`${r.id}-${r.revision}`}>
                <time dateTime={r.publishedAt}>{date(r.publishedAt)}</time>{" "}
                <Link to={u.tool(r.id)}>
                  <LocalText value={r.name} />
                </Link>{" "}
                <span className="muted">({t("recentRevision", { n: r.revision })})</span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="empty">{t("homeRecentEmpty")}</p>
        )}
      </section>
    </>
  );
}
