import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { actorAgencyNames, chainStatus, listEvents, ctxOf } from "~/registry.server";
import { metaContext, pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { ChainCheckReport } from "~/components/chain-check";
import { ActorName } from "~/components/actor";
import { TableRegion } from "~/components/table-region";

// Not a cached public page: the result of the latest full check changes without anything public
// being written (it is found by the server's chain watch), and a stale "intact" must never be
// served from the page cache. One row and one page of events: cheap to render every time.

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("page");
  const page = raw && /^\d{1,7}$/.test(raw) ? Number(raw) : undefined;
  const log = await listEvents(ctxOf(), { page: page ?? Number.MAX_SAFE_INTEGER });
  return { log, agencies: await actorAgencyNames(ctxOf(), { actors: log.events.map((e) => e.actor) }), chain: await chainStatus(ctxOf()) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [
  pageTitle(matches, ({ t }) => t("logTitle")),
  { tagName: "link", rel: "alternate", type: "application/atom+xml", href: metaContext(matches).u.changesAtom() },
];

export default function Log() {
  const { log, agencies, chain } = useLoaderData<typeof loader>();
  const { t, l, dateTime, u } = useT();
  return (
    <>
      <h1>{t("logTitle")}</h1>
      <p className="lead">{t("logIntro")}</p>
      <ChainCheckReport head={chain.head} lastCheck={chain.lastCheck} />
      <p>
        <a href={u.logJson({ page: log.page })}>{t("logDownload")}</a> · <a href={u.changesAtom()}>{t("feedLink")}</a>
      </p>
      {log.events.length ? (
        <TableRegion label={t("logTitle")}>
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("logColumnId")}</th>
                <th scope="col">{t("logColumnAt")}</th>
                <th scope="col">{t("logColumnKind")}</th>
                <th scope="col">{t("logColumnTool")}</th>
                <th scope="col">{t("logColumnActor")}</th>
                <th scope="col">{t("logColumnHash")}</th>
              </tr>
            </thead>
            <tbody>
              {[...log.events].reverse().map((e) => (
                <tr key={e.id}>
                  <td>{e.id}</td>
                  <td>
                    <time dateTime={e.at}>{dateTime(e.at, { seconds: true })}</time>
                  </td>
                  <td>{l("eventKind", e.kind)}</td>
                  <td>{e.toolId ? <Link to={u.tool(e.toolId)}>{e.toolId}</Link> : null}</td>
                  <td>
                    <ActorName actor={e.actor} agencies={agencies} />
                  </td>
                  <td>
                    <code title={e.hash}>{e.hash.slice(0, 12)}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : (
        <p className="empty">{t("logEmpty")}</p>
      )}
      {log.pageCount > 1 ? (
        <nav aria-label={t("logPage", { page: log.page, pages: log.pageCount })} className="pager">
          {log.page > 1 ? <Link to={u.log({ page: log.page - 1 })}>{t("logPrev")}</Link> : null}
          <span>{t("logPage", { page: log.page, pages: log.pageCount })}</span>
          {log.page < log.pageCount ? <Link to={u.log({ page: log.page + 1 })}>{t("logNext")}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
