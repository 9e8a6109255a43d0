import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { accountAgency, claimableTools, confirmResponsibility, declineResponsibility, listAgencyWork, pendingConfirmations, registerNow, takeOver, ctxOf } from "~/registry.server";
import { CoRespInbox } from "~/components/coresp-inbox";
import { ClaimableList } from "~/components/take-over";
import { FieldErrorSummary } from "~/components/form-page";
import { formRefusal, registryFailure, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { CORESP_INTENTS, intentOf, TAKEOVER_INTENTS } from "~/intents";
import { urlsFor } from "../../registry/shared/urls";
import { ToolCard } from "~/components/tool-card";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { LocalText } from "~/components/text";
import { StatusBadge } from "~/components/badges";
import { PageStatus, QueuePager } from "~/components/queue-pager";

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, csrfToken } = await requireSession(request, ["official"]);
  const ctx = ctxOf({ actor, now: registerNow() });
  const params = new URL(request.url).searchParams;
  const { items, paging, due } = await listAgencyWork(ctx, { cursor: params.get("cursor") });
  const done = params.get("coresp");
  return {
    items,
    paging,
    due,
    // The agency by its name, never its slug (the slug only builds the link).
    agency: await accountAgency(ctx, { slug: actor.agencySlug }),
    pending: await pendingConfirmations(ctx),
    // The editors' records this agency may take over (registry/review/take-over.server.ts).
    claimable: await claimableTools(ctx),
    csrf: csrfToken,
    done: done === "confirmed" || done === "declined" ? done : null,
  };
}

/**
 * The co-responsibility inbox: confirm or decline a link, then back to /drafts with a message.
 * Taking over an editors' record (from this page or the edit page): then on to its draft.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const { lang, prefix } = requestLang({ request, context });
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const intent = intentOf(form, { ...CORESP_INTENTS, ...TAKEOVER_INTENTS });
  const input = { toolId: form.get("toolId") };
  try {
    if (intent === TAKEOVER_INTENTS.takeOver) {
      const { toolId } = await takeOver(ctx, input);
      return redirect(urlsFor(prefix).toolEdit(toolId));
    }
    if (intent === CORESP_INTENTS.confirm) await confirmResponsibility(ctx, input);
    else if (intent === CORESP_INTENTS.decline) await declineResponsibility(ctx, input);
    else return formRefusal(lang, {}, { code: "err_unknown_action" });
  } catch (e) {
    return registryFailure(e, lang, {});
  }
  return redirect(urlsFor(prefix).drafts({ coresp: intent === CORESP_INTENTS.confirm ? "confirmed" : "declined" }));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("draftsTitle"))];

export default function Drafts() {
  const { items, paging, due, agency, pending, claimable, csrf, done } = useLoaderData<typeof loader>();
  const result = useActionData<Partial<FormFailure>>();
  const { t, u, l } = useT();
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
      {done ? (
        <div className="notice" role="status">
          <p>{t(done === "confirmed" ? "coRespConfirmed" : "coRespDeclined")}</p>
        </div>
      ) : null}
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <CoRespInbox pending={pending} csrf={csrf} />
      <ClaimableList tools={claimable} csrf={csrf} />
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
      <PageStatus page={paging} />
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
                  <td>{i.impactLevel ? l("level", i.impactLevel) : "—"}</td>
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
      <QueuePager page={paging} href={(cursor) => u.drafts({ cursor })} />
    </>
  );
}
