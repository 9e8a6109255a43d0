import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { foundOr404 } from "~/http/not-found";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, getAgencyPage } from "~/registry.server";
import { metaContext, pageTitle } from "~/i18n/meta";
import { pickText, useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { ToolCard } from "~/components/tool-card";
import { PUBLIC_PAGE } from "~/page-cache";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;
export const links = dataDownloadsLinks;

export async function loader({ params }: LoaderFunctionArgs) {
  const agency = foundOr404(await getAgencyPage(ctxOf(), { slug: params.slug ?? "" }));
  return { agency };
}

// The title: the agency's name in the page language, falling back to the other one.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  if (!data) return [];
  const { u } = metaContext(matches);
  const a = data.agency;
  return [
    pageTitle(matches, ({ lang }) => pickText(a.name, lang)?.text ?? a.slug),
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.agencyChangesAtom(a.slug) },
  ];
};

export default function AgencyPage() {
  const { agency: a } = useLoaderData<typeof loader>();
  const { t, l, u } = useT();
  return (
    <>
      <p className="breadcrumbs">
        <Link to={u.agencies()}>{t("navAgencies")}</Link>
      </p>
      <h1>
        <LocalText value={a.name} />
      </h1>
      <p className="meta">
        {l("jurisdiction", a.jurisdictionLevel)} · <LocalText value={a.place} />
        {a.website ? (
          <>
            {" "}
            · <a href={a.website} rel="nofollow noopener noreferrer">{a.website}</a>
          </>
        ) : null}
      </p>
      {a.parent ? (
        <p>
          {t("agencyParent")}:{" "}
          <Link to={u.agency(a.parent.slug)}>
            <LocalText value={a.parent.name} />
          </Link>
        </p>
      ) : null}
      {a.children.length ? (
        <>
          <h2>{t("agencyChildren")}</h2>
          <ul>
            {a.children.map((c) => (
              <li key={c.slug}>
                <Link to={u.agency(c.slug)}>
                  <LocalText value={c.name} />
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t("agencyTools")}</h2>
      {a.tools.length ? (
        <>
          <p>
            <Link to={u.tools({ agency: a.slug })}>{t("agencyAllTools")}</Link>
          </p>
          <ul className="tool-list">
            {a.tools.map((tool) => (
              <ToolCard
                key={tool.id}
                tool={tool}
                extra={
                  <p className="roles">
                    {t("agencyRoles")}: {tool.roles.map((r) => l("agencyRole", r)).join(", ")}
                  </p>
                }
              />
            ))}
          </ul>
        </>
      ) : (
        <p className="empty">{t("agencyNoTools")}</p>
      )}
      <DataDownloads view={{ kind: "agency", slug: a.slug, total: a.tools.length }} />
    </>
  );
}
