import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { refusalKey } from "~/http/registry-error";
import { listReports, registerNow, resolveReport, ctxOf } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { urlsFor } from "../../registry/shared/urls";
import { PageStatus, QueuePager } from "~/components/queue-pager";

const STATUSES = ["new", "confirmed", "dismissed"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["reviewer", "admin"]);
  const params = new URL(request.url).searchParams;
  const status = params.get("status") ?? "new";
  const s = (STATUSES as readonly string[]).includes(status) ? status : "new";
  return { reports: await listReports(ctxOf({ actor: session.actor }), { status: s, cursor: params.get("cursor") }), status: s, csrf: session.csrfToken };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("reportsTitle"))];

type ActionData = { id: number; error: StringKey };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["reviewer", "admin"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const id = Number(form.get("id"));
  try {
    await resolveReport(ctxOf({ actor: session.actor, now: registerNow() }), { id: Number.isInteger(id) ? id : -1, decision: form.get("decision") === "confirm" ? "confirm" : "dismiss", reason: form.get("reason") });
  } catch (e) {
    const { key, status } = refusalKey(e, "commentRejected");
    return data<ActionData>({ id, error: key }, { status });
  }
  // Back to the same page of the queue: the cursor names a place, not an item, so it still holds.
  const params = new URL(request.url).searchParams;
  return redirect(urlsFor(requestLang({ request, context }).prefix).reports({ status: params.get("status"), cursor: params.get("cursor") }));
}

export default function Reports() {
  const { reports, status, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, l, date, u } = useT();
  return (
    <>
      <h1>{t("reportsTitle")}</h1>
      <p className="lead">{t("reportsIntro")}</p>
      <ul className="chips">
        {STATUSES.map((s) => (
          <li key={s}>{s === status ? <strong aria-current="true">{l("reportStatus", s)}</strong> : <Link to={u.reports({ status: s })}>{l("reportStatus", s)}</Link>}</li>
        ))}
      </ul>
      <PageStatus page={reports} />
      {reports.items.length ? (
        <ol className="comment-list">
          {reports.items.map((r) => (
            <li key={r.id} className="comment" id={`report-${r.id}`}>
              <p className="comment-meta">
                <strong>{l("reportKind", r.kind)}</strong> · <time dateTime={r.createdAt}>{date(r.createdAt)}</time>
                {r.toolId ? (
                  <>
                    {" "}
                    · <Link to={u.tool(r.toolId)}>{r.toolId}</Link>
                  </>
                ) : null}
                {r.contactEmail ? <> · {r.contactEmail}</> : null}
              </p>
              {r.toolName ? (
                <p>
                  <strong>{r.toolName}</strong>
                  {r.operator ? ` · ${r.operator}` : ""}
                  {r.place ? ` · ${r.place}` : ""}
                </p>
              ) : null}
              <p className="comment-body">{r.description}</p>
              {r.evidenceUrl ? (
                <p>
                  <a href={r.evidenceUrl} rel="nofollow noopener noreferrer">
                    {r.evidenceUrl}
                  </a>
                </p>
              ) : null}
              {r.resolution ? <p className="muted">{r.resolution}</p> : null}
              {r.status === "new" ? (
                <Form method="post" className="moderation-form">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="id" value={r.id} />
                  {result?.id === r.id ? (
                    <p className="field-error" role="alert">
                      {t(result.error)}
                    </p>
                  ) : null}
                  <div className="field">
                    <label htmlFor={`reason-${r.id}`}>{t("reportsReason")}</label>
                    <input id={`reason-${r.id}`} name="reason" type="text" maxLength={1000} />
                  </div>
                  <button type="submit" name="decision" value="confirm">
                    {t("reportsConfirm")}
                  </button>{" "}
                  <button type="submit" name="decision" value="dismiss" className="secondary">
                    {t("reportsDismiss")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t("reportsEmpty")}</p>
      )}
      <QueuePager page={reports} href={(cursor) => u.reports({ status: status === "new" ? null : status, cursor })} />
    </>
  );
}
