import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, listAgencies } from "~/registry.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { PUBLIC_PAGE } from "~/page-cache";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;

export async function loader() {
  return { agencies: await listAgencies(ctxOf()) };
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
