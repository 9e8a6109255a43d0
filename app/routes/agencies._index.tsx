import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, listAgencies } from "~/registry.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { loaderCacheControl, PUBLIC_PAGE } from "~/page-cache";
import { staleAware } from "~/page-cache.server";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;
// A list counted from a list index being rebuilt is marked private by its loader.
export const headers = loaderCacheControl;

export async function loader() {
  const { agencies, stale } = await listAgencies(ctxOf());
  return staleAware({ agencies }, stale);
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("agenciesTitle"))];

export default function Agencies() {
  const { agencies } = useLoaderData<typeof loader>();
  const { t, l, u } = useT();
  return (
    <>
      <h1>{t("agenciesTitle")}</h1>
      <p className="lead">{t("agenciesIntro")}</p>
      {agencies.length ? (
        <ul className="agency-list">
          {agencies.map((a) => (
            <li key={a.slug}>
              <Link to={u.agency(a.slug)}>
                <LocalText value={a.name} />
              </Link>{" "}
              <span className="muted">
                {l("jurisdiction", a.jurisdictionLevel)} · {t("agencyToolCount", { n: a.toolCount })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t("emptyRegister")}</p>
      )}
    </>
  );
}
