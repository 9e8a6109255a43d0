import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireSession } from "~/auth.server";
import { accountAgency, listAgencyWork, registerNow, ctxOf } from "~/registry.server";
import { ToolCard } from "~/components/tool-card";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { StatusBadge } from "~/components/badges";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireSession(request, ["official"]);
  const ctx = ctxOf({ actor, now: registerNow() });
  const { items, due } = await listAgencyWork(ctx);
  // The agency by its name, never its slug (the slug only builds the link).
  return { items, due, agency: await accountAgency(ctx, { slug: actor.agencySlug }) };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("draftsTitle"))];

export default function Drafts() {
  const { items, due, agency } = useLoaderData<typeof loader>();
  const { t, u } = useT();
  return (
    <>
      <h1>{t("draftsTitle")}</h1>
      <p className="lead">
        {t("draftsIntro")} {agency ? (
          <Link to={u.agency(agency.slug)}>
            <LocalText value={agency.name} />
          </Link>
        ) : null}
      </p>
      {due.length ? (
        <section aria-labelledby="due-h" className="sunset-group sunset-group-due_soon">
          <h2 id="due-h">{t("draftsDueHeading")}</h2>
          <p>{t("draftsDueText")}</p>
          <ul className="tool-list">
            {due.map((tool) => (
              <ToolCard key={tool.id} tool={tool} extra={<Link to={u.toolEdit(tool.id)}>{t("actionsHeading")}</Link>} />
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <Link to={u.draftsNew()} className="button">
          {t("draftsNew")}
        </Link>{" "}
        <Link to={u.draftsImport()}>{t("importLink")}</Link>
      </p>
      {items.length ? (
        <div className="table-scroll">
          <table className="log-table">
            <thead>
              <tr>
                <th scope="col">{t("draftsColumnRecord")}</th>
                <th scope="col">{t("draftsColumnRevision")}</th>
                <th scope="col">{t("draftsColumnStatus")}</th>
                <th scope="col">{t("draftsColumnLevel")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("actionsHeading")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td>
                    <LocalText value={i.name} /> <span className="muted">{i.id}</span>
                  </td>
                  <td>{i.revision}</td>
                  <td>
                    <StatusBadge group="review" value={i.status} />
                  </td>
                  <td>{i.impactLevel ?? "—"}</td>
                  <td>
                    <Link to={u.toolEdit(i.id)}>{i.status === "draft" ? t("draftsEdit") : t("actionsHeading")}</Link>
                    {i.status !== "draft" || i.revision > 1 ? (
                      <>
                        {" · "}
                        <Link to={u.tool(i.id)}>{t("draftsView")}</Link>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="empty">{t("draftsEmpty")}</p>
      )}
    </>
  );
}
