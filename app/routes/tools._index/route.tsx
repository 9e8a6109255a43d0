import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PlainLink } from "~/components/plain-link";
import { parseToolQuery, toolQueryString, REPEATABLE_QUERY_PARAMS, SORTS, TOOL_QUERY_PARAMS, type ToolQuery } from "../../../registry/records/query";
import { ctxOf, listTools } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { pageTitle } from "~/i18n/meta";
import { feedLink } from "~/feed-query";
import { useT } from "~/i18n/use-lang";
import { cardData, ToolCard } from "~/components/tool-card";
import { SearchForm } from "~/components/search-form";
import { Facets, ActiveFilters, facetsData, listHref } from "./facets";
import { Notices } from "./notices";
import { Suggestions } from "./suggestions";
import { loaderCacheControl, publicPage } from "~/page-cache";
import { declarePageDeps, staleAware } from "~/page-cache.server";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = publicPage(TOOL_QUERY_PARAMS, REPEATABLE_QUERY_PARAMS);
export const links = dataDownloadsLinks;
export const headers = loaderCacheControl;

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The language orders the list by name.
  const { lang } = requestLang({ request, context });
  const { query, notices } = parseToolQuery(new URL(request.url).searchParams);
  const list = await listTools(ctxOf(), { query, lang, notices });
  declarePageDeps(context, list.deps);
  // Only what the page renders, in the language it renders (the same data hydrates the page):
  // each card's texts in one language, facets without the values no result has, no search terms.
  const page = {
    list: {
      notices: list.notices,
      total: list.total,
      page: list.page,
      pageCount: list.pageCount,
      suggestions: list.suggestions,
      items: list.items.map((tool) => cardData(tool, lang)),
      ...facetsData(list, lang),
    },
  };
  return staleAware(page, list.stale);
}

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, ({ t }) => (data?.list.query.q ? t("toolsSearchTitle", { q: data.list.query.q }) : t("toolsTitle"))),
  // Feed readers find the changes of exactly the tools this view selects, in the page's language.
  ...(data ? [feedLink(matches, data.list.query)] : []),
];

const SORT_KEY = { relevance: "sortRelevance", name: "sortName", updated: "sortUpdated", sunset: "sortSunset" } as const;

/** The filters (each value of each) kept as hidden fields when the search is changed. */
function hiddenFilters(q: ToolQuery): [string, string][] {
  const params = new URLSearchParams(toolQueryString({ ...q, q: "" }));
  params.delete("page");
  return [...params];
}

export default function ToolsIndex() {
  const { list } = useLoaderData<typeof loader>();
  const { t, num, u } = useT();
  const q = list.query;
  return (
    <>
      <h1>{q.q ? t("toolsSearchTitle", { q: q.q }) : t("toolsTitle")}</h1>
      <SearchForm id="tools-q" defaultValue={q.q} hidden={hiddenFilters(q)} />
      <Notices notices={list.notices} />
      <Suggestions suggestions={list.suggestions} />
      {/* Results come first in the page, so on a phone the first tool is on the first screen; the
          filters follow, folded (styles.css puts them in the left column on a wide screen). */}
      <div className="list-layout">
        <div className="results">
          <div className="results-head">
            <p role="status" className="results-count">
              {list.total === 1 ? t("resultsCountOne") : t("resultsCount", { n: num(list.total) })}
            </p>
            <ActiveFilters list={list} />
            <nav aria-label={t("sortLabel")} className="sort">
              <span>{t("sortLabel")}:</span>
              <ul>
                {SORTS.filter((s) => s !== "relevance" || q.q).map((s) => (
                  <li key={s}>
                    {q.sort === s ? (
                      <strong aria-current="true">{t(SORT_KEY[s])}</strong>
                    ) : (
                      <PlainLink to={listHref(u, q, { sort: s })}>{t(SORT_KEY[s])}</PlainLink>
                    )}
                  </li>
                ))}
              </ul>
            </nav>
          </div>
          {list.items.length ? (
            <ul className="tool-list">
              {list.items.map((tool) => (
                <ToolCard key={tool.id} tool={tool} />
              ))}
            </ul>
          ) : (
            <div className="empty">
              <p>{t("noResults")}</p>
              <p>{t("noResultsHelp")}</p>
              <p>
                <PlainLink to={u.tools()}>{t("clearAll")}</PlainLink>
              </p>
            </div>
          )}
          <DataDownloads view={{ kind: "list", query: toolQueryString(q), total: list.total }} />
          {list.pageCount > 1 ? (
            <nav aria-label={t("pagination")} className="pager">
              {list.page > 1 ? <PlainLink to={listHref(u, q, { page: list.page - 1 })} rel="prev">{t("previous")}</PlainLink> : <span />}
              <span>{t("pageOf", { page: list.page, pages: list.pageCount })}</span>
              {list.page < list.pageCount ? <PlainLink to={listHref(u, q, { page: list.page + 1 })} rel="next">{t("next")}</PlainLink> : <span />}
            </nav>
          ) : null}
        </div>
        <Facets list={list} />
      </div>
    </>
  );
}
