import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, getSunsetOverview } from "~/registry.server";
import type { ToolSummary } from "../../registry/records/summary.server";
import { chosen, parseToolQuery, toolQueryString, withoutValue, withValue, type ToolQuery } from "../../registry/records/query";
import { metaContext, pageTitle } from "~/i18n/meta";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { ToolCard } from "~/components/tool-card";
import { loaderCacheControl, publicPage } from "~/page-cache";
import { staleAware } from "~/page-cache.server";
import { ActiveFilters } from "./tools._index/facets";
import { Notices } from "./tools._index/notices";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";

// The list's filters, except the sunset filter (the page is grouped by it), the sort and the page.
const SUNSET_PAGE_PARAMS = ["q", "kind", "jurisdiction", "status", "review", "level", "category", "sensitive", "regime", "agency"] as const;

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = publicPage(SUNSET_PAGE_PARAMS, SUNSET_PAGE_PARAMS.filter((p) => p !== "q"));
export const links = dataDownloadsLinks;
export const headers = loaderCacheControl;

/** The sunset states this page is about: its downloads hold the tools in any of them, with the page's filters. */
const SUNSET_VIEW = ["due_soon", "lapsed", "no_sunset"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const { query, notices } = parseToolQuery(new URL(request.url).searchParams);
  const overview = await getSunsetOverview(ctxOf(), { query, notices });
  return staleAware({ overview }, overview.stale);
}

// Feed readers find the sunset feed here, in the page's language.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const { t, u } = metaContext(matches);
  return [
    pageTitle(matches, () => t("sunsetsTitle")),
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.sunsetsAtom(data ? sunsetsQuery(data.overview.query) : undefined), title: t("sunsetsFeedTitle") },
  ];
};

/** The page's own address for a query (its filters only). */
function sunsetsQuery(q: ToolQuery, change: Parameters<typeof toolQueryString>[1] = {}): URLSearchParams {
  const params = new URLSearchParams(toolQueryString({ ...q, sunset: undefined, sort: "name", page: 1 }, change));
  params.delete("sort");
  params.delete("page");
  return params;
}

function Group({ id, heading, count, tools, state, note, query }: { id: string; heading: StringKey; count: number; tools: ToolSummary[]; state: string; note?: StringKey; query: ToolQuery }) {
  const { t, num, u } = useT();
  return (
    <section aria-labelledby={id} className={`sunset-group sunset-group-${state}`}>
      <h2 id={id}>{t(heading, { n: num(count) })}</h2>
      {note ? <p>{t(note)}</p> : null}
      {tools.length ? (
        <ul className="tool-list">
          {tools.map((tool) => (
            <ToolCard key={tool.id} tool={tool} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t("sunsetsNone")}</p>
      )}
      {count > tools.length ? (
        <p>
          <Link to={u.tools(new URLSearchParams(toolQueryString(query, { sunset: [state], sort: "sunset" })))}>{t("sunsetsMore", { n: num(count) })}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** The kind filter: several kinds may be chosen; each link adds or removes one. */
function KindFilter({ query, kinds }: { query: ToolQuery; kinds: { value: string; count: number }[] }) {
  const { t, l, num, u } = useT();
  const active = chosen(query, "kind");
  const shown = [...kinds, ...active.filter((v) => !kinds.some((k) => k.value === v)).map((value) => ({ value, count: 0 }))];
  return (
    <nav aria-labelledby="sunset-kind-h" className="sunset-kinds">
      <h2 id="sunset-kind-h">{t("sunsetsKindFilter")}</h2>
      <ul className="chips">
        <li>{active.length ? <Link to={u.sunsets(sunsetsQuery(query, { kind: undefined }))}>{t("sunsetsAllKinds")}</Link> : <strong aria-current="true">{t("sunsetsAllKinds")}</strong>}</li>
        {shown.map((k) => (
          <li key={k.value}>
            {active.includes(k.value) ? (
              <strong aria-current="true">
                {l("kind", k.value)} <span className="count">{num(k.count)}</span>{" "}
                <Link to={u.sunsets(sunsetsQuery(query, withoutValue(query, "kind", k.value)))} aria-label={t("removeFilter", { label: l("kind", k.value) })}>
                  ×
                </Link>
              </strong>
            ) : (
              <Link to={u.sunsets(sunsetsQuery(query, withValue(query, "kind", k.value)))}>
                {l("kind", k.value)} <span className="count">{num(k.count)}</span>
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function Sunsets() {
  const { overview: o } = useLoaderData<typeof loader>();
  const { t, num, u } = useT();
  const q = o.query;
  const others = { ...o, query: { ...q, kind: undefined } };
  // Filters other than the kind (which has its own choice above) narrow the page.
  const narrowed = SUNSET_PAGE_PARAMS.some((p) => (p === "q" ? Boolean(q.q) : p !== "kind" && chosen(q, p).length > 0));
  return (
    <>
      <h1>{t("sunsetsTitle")}</h1>
      <p className="lead">{t("sunsetsIntro")}</p>
      <Notices notices={o.notices} />
      <KindFilter query={q} kinds={o.kinds} />
      {narrowed ? (
        <div className="sunset-filters">
          <p>{t("sunsetsFilteredBy")}</p>
          <ActiveFilters list={others} href={(change) => u.sunsets(sunsetsQuery(q, change))} clearHref={u.sunsets()} />
        </div>
      ) : null}
      <p>
        <a href={u.sunsetsAtom(sunsetsQuery(q))}>{t("sunsetsFeed")}</a>
      </p>
      <Group id="lapsed-h" heading="sunsetsLapsed" count={o.counts.lapsed} tools={o.lapsed} state="lapsed" note="sunsetsLapsedText" query={q} />
      <Group id="due-h" heading="sunsetsDueSoon" count={o.counts.due_soon} tools={o.dueSoon} state="due_soon" query={q} />
      <Group id="none-h" heading="sunsetsNoSunset" count={o.counts.no_sunset} tools={o.noSunset} state="no_sunset" query={q} />
      <Group id="later-h" heading="sunsetsUpcoming" count={o.counts.ok} tools={o.upcoming} state="ok" query={q} />
      {o.mirrored ? (
        <p className="regime-left-out">
          {t("regimeSunsetsLeftOut", { n: num(o.mirrored) })}{" "}
          <Link to={u.tools(new URLSearchParams(toolQueryString({ ...q, sunset: ["source_regime"], sort: "name", page: 1 })))}>{t("regimeSunsetsLeftOutLink")}</Link>
        </p>
      ) : null}
      <DataDownloads view={{ kind: "list", query: toolQueryString({ ...q, sunset: SUNSET_VIEW, sort: "sunset" }), total: o.counts.lapsed + o.counts.due_soon + o.counts.no_sunset }} />
    </>
  );
}
