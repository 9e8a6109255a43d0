import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listKnownUnregistered, ctxOf } from "~/registry.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { PUBLIC_PAGE } from "~/page-cache";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;

export async function loader() {
  return { tools: await listKnownUnregistered(ctxOf()) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("unregisteredTitle"))];

export default function Unregistered() {
  const { tools } = useLoaderData<typeof loader>();
  const { t, date, u: urls } = useT();
  return (
    <>
      <h1>{t("unregisteredTitle")}</h1>
      <p className="lead">{t("unregisteredIntro")}</p>
      <p>
        <Link to={urls.reportUnregistered()}>{t("reportUnregisteredLink")}</Link>
      </p>
      {tools.length ? (
        <ul className="comment-list">
          {tools.map((u) => (
            <li key={u.id} className="comment">
              <h2 className="h3">{u.toolName}</h2>
              <p className="comment-meta">
                {[u.operator, u.place].filter(Boolean).join(" · ")} · {t("unregisteredConfirmed", { date: date(u.confirmedAt.slice(0, 10)) })}
              </p>
              <p className="comment-body">{u.description}</p>
              {u.note ? <p className="muted">{u.note}</p> : null}
              {u.evidenceUrl ? (
                <p>
                  {t("unregisteredEvidence")}:{" "}
                  <a href={u.evidenceUrl} rel="nofollow noopener noreferrer">
                    {u.evidenceUrl}
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("unregisteredEmpty")}</p>
      )}
    </>
  );
}
