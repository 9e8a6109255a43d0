import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listIncidents, parseIncidentQuery, ctxOf } from "~/registry.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import type { Paths } from "../../registry/shared/urls";
import { LocalText } from "~/components/text";
import { publicPage } from "~/page-cache";
import { TableRegion } from "~/components/table-region";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = publicPage(["kind", "year", "page"]);
export const links = dataDownloadsLinks;

export async function loader({ request }: LoaderFunctionArgs) {
  return { list: await listIncidents(ctxOf(), parseIncidentQuery(new URL(request.url).searchParams)) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("incidentsTitle"))];

/** The list filtered by kind and year, at a page (the first page has no `page`). */
function href(u: Paths, q: { kind?: string; year?: string; page?: number }) {
  return u.incidents({ kind: q.kind, year: q.year, page: q.page && q.page > 1 ? q.page : undefined });
}

export default function Incidents() {
  const { list } = useLoaderData<typeof loader>();
  const { t, l, num, u } = useT();
  const q = list.query;
  return (
    <>
      <h1>{t("incidentsTitle")}</h1>
      <p className="lead">{t("incidentsIntro")}</p>
      <div className="incident-filters">
        <nav aria-labelledby="kind-h">
          <h2 id="kind-h">{t("incidentsFilterKind")}</h2>
          <ul className="chips">
            <li>{q.kind ? <Link to={href(u, { year: q.year })}>{t("incidentsAll")}</Link> : <strong aria-current="true">{t("incidentsAll")}</strong>}</li>
            {list.byKind.map((k) => (
              <li key={k.value}>
                {q.kind === k.value ? (
                  <strong aria-current="true">
                    {l("incident", k.value)} ({num(k.count)})
                  </strong>
                ) : (
                  <Link to={href(u, { kind: k.value, year: q.year })}>
                    {l("incident", k.value)} <span className="count">({num(k.count)})</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-labelledby="year-h">
          <h2 id="year-h">{t("incidentsFilterYear")}</h2>
          <ul className="chips">
            <li>{q.year ? <Link to={href(u, { kind: q.kind })}>{t("incidentsAll")}</Link> : <strong aria-current="true">{t("incidentsAll")}</strong>}</li>
            {list.byYear.map((y) => (
              <li key={y.value}>
                {q.year === y.value ? (
                  <strong aria-current="true">
                    {y.value} ({num(y.count)})
                  </strong>
                ) : (
                  <Link to={href(u, { kind: q.kind, year: y.value })}>
                    {y.value} <span className="count">({num(y.count)})</span>
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      </div>
      <p role="status">{t("incidentsCount", { n: num(list.total) })}</p>
      {list.items.length ? (
        <TableRegion label={t("navIncidents")}>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("incidentsColumnDate")}</th>
                <th scope="col">{t("incidentsColumnKind")}</th>
                <th scope="col">{t("incidentsColumnIncident")}</th>
                <th scope="col">{t("incidentsColumnTool")}</th>
                <th scope="col">{t("incidentsColumnPeople")}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((i) => (
                <tr key={`${i.toolId}-${i.position}`}>
                  <td>{i.date}</td>
                  <td>{l("incident", i.kind)}</td>
                  <td>
                    <Link to={u.tool(i.toolId, "incidents")}>
                      <LocalText value={i.title} />
                    </Link>
                  </td>
                  <td>
                    <Link to={u.tool(i.toolId)}>
                      <LocalText value={i.toolName} />
                    </Link>{" "}
                    <span className="muted">{i.toolId}</span>
                  </td>
                  <td>{i.peopleAffected === null ? <span className="muted">{t("incidentsUnknown")}</span> : num(i.peopleAffected)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="empty">{t("incidentsEmpty")}</p>
      )}
      {list.pageCount > 1 ? (
        <nav aria-label={t("incidentsPage", { page: list.page, pages: list.pageCount })} className="pager">
          {list.page > 1 ? <Link to={href(u, { ...q, page: list.page - 1 })}>{t("logPrev")}</Link> : null}
          <span>{t("incidentsPage", { page: list.page, pages: list.pageCount })}</span>
          {list.page < list.pageCount ? <Link to={href(u, { ...q, page: list.page + 1 })}>{t("logNext")}</Link> : null}
        </nav>
      ) : null}
      <DataDownloads view={{ kind: "incidents", query: { kind: q.kind, year: q.year } }} />
    </>
  );
}
