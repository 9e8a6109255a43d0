import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { refusalKey } from "~/http/registry-error";
import { listPendingComments, moderateComment, registerNow, ctxOf } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { urlsFor } from "../../registry/shared/urls";
import { LocalText } from "~/components/text";
import { PageStatus, QueuePager } from "~/components/queue-pager";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["reviewer"]);
  const cursor = new URL(request.url).searchParams.get("cursor");
  return { pending: await listPendingComments(ctxOf({ actor: session.actor }), { cursor }), csrf: session.csrfToken };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("moderationTitle"))];

type ActionData = { commentId: number; error: StringKey };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["reviewer"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const commentId = Number(form.get("commentId"));
  const decision = String(form.get("decision") ?? "");
  try {
    await moderateComment(ctxOf({ actor: session.actor, now: registerNow() }), { commentId: Number.isInteger(commentId) ? commentId : -1, decision: decision as "publish", reason: String(form.get("reason") ?? "") });
  } catch (e) {
    const { key, status } = refusalKey(e, "commentRejected");
    return data<ActionData>({ commentId, error: key }, { status });
  }
  // Back to the same page of the queue: the cursor names a place, not an item, so it still holds.
  return redirect(urlsFor(requestLang({ request, context }).prefix).reviewComments({ cursor: new URL(request.url).searchParams.get("cursor") }));
}

export default function Moderation() {
  const { pending, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, date, u } = useT();
  return (
    <>
      <h1>{t("moderationTitle")}</h1>
      <p className="lead">{t("moderationIntro")}</p>
      <PageStatus page={pending} />
      {pending.items.length ? (
        <ol className="comment-list">
          {pending.items.map((c) => (
            <li key={c.id} className="comment" id={`pending-${c.id}`}>
              <p className="comment-meta">
                <Link to={u.tool(c.toolId, "comments")}>
                  <LocalText value={c.toolName} />
                </Link>{" "}
                ({c.toolId}) · <strong>{c.displayName || t("commentsAnonymous")}</strong> · <time dateTime={c.createdAt}>{date(c.createdAt)}</time>
              </p>
              <p className="comment-body">{c.body}</p>
              {result?.commentId === c.id ? (
                <p className="field-error" role="alert">
                  {t(result.error)}
                </p>
              ) : null}
              <Form method="post" className="moderation-form">
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="commentId" value={c.id} />
                <button type="submit" name="decision" value="publish">
                  {t("moderationPublish")}
                </button>{" "}
                <button type="submit" name="decision" value="spam" className="secondary">
                  {t("moderationSpam")}
                </button>
                <div className="field">
                  <label htmlFor={`reason-${c.id}`}>{t("moderationReason")}</label>
                  <input id={`reason-${c.id}`} name="reason" type="text" maxLength={500} />
                </div>
                <button type="submit" name="decision" value="remove" className="secondary">
                  {t("moderationRemove")}
                </button>
              </Form>
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t("moderationEmpty")}</p>
      )}
      <QueuePager page={pending} href={(cursor) => u.reviewComments({ cursor })} />
    </>
  );
}
