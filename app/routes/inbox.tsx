// A signed-in person's notifications, newest first. Marking as read is a plain form post, so it
// works without JavaScript; each person sees and marks only their own notices.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { CORESP_INTENTS, INBOX_INTENTS, intentOf } from "~/intents";
import { noticeHref, noticeParts } from "~/notify-text";
import { ctxOf, listNotices, markNoticesRead, pendingConfirmations, registerNow } from "~/registry.server";
import { LANG_TAG, urlsFor } from "../../registry/shared/urls";
import { PageStatus, QueuePager } from "~/components/queue-pager";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request);
  const ctx = ctxOf({ actor: session.actor });
  const inbox = await listNotices(ctx, { cursor: new URL(request.url).searchParams.get("cursor") });
  // An official asked to confirm a link answers here (the form posts to /drafts, which checks it again).
  const asked = session.actor.role === "official" && inbox.notices.some((n) => n.kind === "coresp_named");
  const pending = asked ? (await pendingConfirmations(ctx)).map((p) => p.id) : [];
  return { ...inbox, pending, csrf: session.csrfToken };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("inboxTitle"))];

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const { lang, prefix } = requestLang({ request, context });
  const intent = intentOf(form, INBOX_INTENTS);
  if (!intent) return formRefusal(lang, {}, { code: "err_unknown_action" });
  try {
    const ctx = ctxOf({ actor: session.actor, now: registerNow() });
    if (intent === INBOX_INTENTS.readAll) await markNoticesRead(ctx, { all: true });
    else await markNoticesRead(ctx, { id: form.get("id") });
  } catch (e) {
    return registryFailure(e, lang, {});
  }
  // Back to the same page: the form posts to this page's address, cursor included.
  return redirect(urlsFor(prefix).inbox({ cursor: new URL(request.url).searchParams.get("cursor") }));
}

export default function Inbox() {
  const { notices, unread, paging, pending, csrf } = useLoaderData<typeof loader>();
  const { t, lang, u, dateTime } = useT();
  return (
    <>
      <h1>{t("inboxTitle")}</h1>
      <p className="lead">{t("inboxIntro")}</p>
      <p>{t("inboxMailNote")}</p>
      <PageStatus page={paging} />
      {notices.length === 0 ? (
        <p>{t("inboxEmpty")}</p>
      ) : (
        <>
          <p role="status">{t("inboxUnread", { n: unread })}</p>
          {unread > 0 ? (
            <Form method="post" className="inline-form">
              <input type="hidden" name="csrf" value={csrf} />
              <button type="submit" name="intent" value={INBOX_INTENTS.readAll}>
                {t("inboxMarkAllRead")}
              </button>
            </Form>
          ) : null}
          <ol className="comment-list inbox-list">
            {notices.map((n) => {
              const parts = noticeParts(n, lang);
              const href = noticeHref(n, u);
              const name = <span lang={parts.name.lang === lang ? undefined : LANG_TAG[parts.name.lang]}>{parts.name.text}</span>;
              return (
                <li key={n.id} id={`notice-${n.id}`} className={n.readAt ? "comment inbox-item" : "comment inbox-item inbox-unread"}>
                  <p className="comment-meta">
                    {n.readAt ? null : (
                      <>
                        <strong>{t("inboxUnreadMark")}</strong> ·{" "}
                      </>
                    )}
                    <time dateTime={n.createdAt}>{dateTime(n.createdAt)}</time>
                  </p>
                  <p id={`notice-${n.id}-text`}>
                    {parts.before}
                    {href ? <Link to={href}>{name}</Link> : name}
                    {parts.after}
                  </p>
                  {n.kind === "coresp_named" && n.toolId && pending.includes(n.toolId) ? (
                    <Form method="post" action={u.drafts()} className="inline-form">
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="toolId" value={n.toolId} />
                      <button type="submit" name="intent" value={CORESP_INTENTS.confirm} aria-describedby={`notice-${n.id}-text`}>
                        {t("coRespConfirmShort")}
                      </button>{" "}
                      <button type="submit" name="intent" value={CORESP_INTENTS.decline} className="secondary" aria-describedby={`notice-${n.id}-text`}>
                        {t("coRespDecline")}
                      </button>
                    </Form>
                  ) : null}
                  {n.readAt ? null : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="csrf" value={csrf} />
                      <input type="hidden" name="id" value={n.id} />
                              <button type="submit" name="intent" value={INBOX_INTENTS.read} aria-label={t("inboxMarkReadOf", { notice: parts.before + parts.name.text + parts.after })}>
                        {t("inboxMarkRead")}
                      </button>
                    </Form>
                  )}
                </li>
              );
            })}
          </ol>
          <QueuePager page={paging} href={(cursor) => u.inbox({ cursor })} />
        </>
      )}
    </>
  );
}
