// The public comments of a record: the list with the agency's replies, the comment form (no
// account, no JavaScript needed), and the reply form for the responsible agency's officials.
// Officials of the owning agency also see the contact e-mail a commenter left for them.
import { Form, useActionData } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import type { StringKey } from "~/i18n/strings";
import type { PublicComment } from "../../../registry/comments.server";

export type CommentActionData =
  | { intent: "comment"; ok: true }
  | { intent: "comment"; ok: false; fields: Record<string, StringKey>; formError?: StringKey; values: Record<string, string> }
  | { intent: "reply"; commentId: number; error: StringKey };

type Data = { comments: PublicComment[]; csrf: string | null; canReply: boolean; contactEmails?: Record<number, string>; consultationOpenUntil: string | null };

export function Comments({ comments, csrf, canReply, contactEmails = {}, consultationOpenUntil }: Data) {
  const { t, date, num } = useT();
  const result = useActionData<CommentActionData>();
  const published = comments.filter((c) => c.status === "published").length;
  const failed = result?.intent === "comment" && !result.ok ? result : null;
  const fieldError = (name: string) => (failed?.fields[name] ? t(failed.fields[name]!) : null);
  return (
    <section id="comments" aria-labelledby="comments-h" className="comments">
      <h2 id="comments-h">
        {t("commentsHeading")} <span className="count">({t("commentsCount", { n: num(published) })})</span>
      </h2>
      {consultationOpenUntil ? <p className="consultation-call">{t("commentConsultationCall", { date: date(consultationOpenUntil) })}</p> : null}
      <p>{t("commentsIntro")}</p>
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} className={`comment comment-${c.status}`}>
              {c.status === "removed" ? (
                <p className="muted">{t("commentsRemoved", { reason: c.removalReason ?? "" })}</p>
              ) : (
                <>
                  <p className="comment-meta">
                    <strong>{c.displayName || t("commentsAnonymous")}</strong> · <time dateTime={c.createdAt}>{date(c.createdAt.slice(0, 10))}</time> ·{" "}
                    {t("commentsOnRevision", { n: c.revision })}
                  </p>
                  {contactEmails[c.id] ? <p className="comment-contact">{t("commentContactForAgency", { email: contactEmails[c.id]! })}</p> : null}
                  <p className="comment-body">{c.body}</p>
                </>
              )}
              {c.replies.map((r) => (
                <div key={r.id} className="reply">
                  <p className="comment-meta">
                    <strong>{t("commentsReplyBy", { agency: r.agency })}</strong> · <time dateTime={r.createdAt}>{date(r.createdAt.slice(0, 10))}</time>
                  </p>
                  <p className="comment-body">{r.body}</p>
                </div>
              ))}
              {canReply && csrf && c.status === "published" ? (
                <Form method="post" className="stacked-form reply-form">
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="commentId" value={c.id} />
                  {result?.intent === "reply" && result.commentId === c.id ? (
                    <p className="field-error" id={`reply-${c.id}-error`}>
                      {t(result.error)}
                    </p>
                  ) : null}
                  <label htmlFor={`reply-${c.id}`}>{t("commentReplyLabel")}</label>
                  <textarea id={`reply-${c.id}`} name="body" rows={3} maxLength={4000} />
                  <button type="submit" name="intent" value="reply">
                    {t("commentReplySubmit")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="empty">{t("commentsEmpty")}</p>
      )}

      <h3 id="comment-form-h">{t("commentFormHeading")}</h3>
      {result?.intent === "comment" && result.ok ? (
        <p className="verified" role="status">
          {t("commentThanks")}
        </p>
      ) : null}
      {failed?.formError ? (
        <p className="error-summary" role="alert">
          {t(failed.formError)}
        </p>
      ) : null}
      <Form method="post" className="stacked-form comment-form" aria-labelledby="comment-form-h" noValidate>
        <div className={`field${fieldError("body") ? " has-error" : ""}`}>
          <label htmlFor="comment-body">{t("commentBody")}</label>
          <p className="hint" id="comment-body-hint">
            {t("commentBodyHint")}
          </p>
          {fieldError("body") ? (
            <p className="field-error" id="comment-body-error">
              {fieldError("body")}
            </p>
          ) : null}
          <textarea
            id="comment-body"
            name="body"
            rows={5}
            maxLength={4000}
            defaultValue={failed?.values.body}
            aria-invalid={fieldError("body") ? true : undefined}
            aria-describedby={fieldError("body") ? "comment-body-hint comment-body-error" : "comment-body-hint"}
          />
        </div>
        <div className={`field${fieldError("displayName") ? " has-error" : ""}`}>
          <label htmlFor="comment-name">{t("commentName")}</label>
          {fieldError("displayName") ? <p className="field-error">{fieldError("displayName")}</p> : null}
          <input id="comment-name" name="displayName" type="text" maxLength={60} defaultValue={failed?.values.displayName} autoComplete="nickname" />
        </div>
        <div className={`field${fieldError("contactEmail") ? " has-error" : ""}`}>
          <label htmlFor="comment-email">{t("commentEmail")}</label>
          {fieldError("contactEmail") ? (
            <p className="field-error" id="comment-email-error">
              {fieldError("contactEmail")}
            </p>
          ) : null}
          <input
            id="comment-email"
            name="contactEmail"
            type="email"
            maxLength={200}
            defaultValue={failed?.values.contactEmail}
            autoComplete="email"
            aria-invalid={fieldError("contactEmail") ? true : undefined}
            aria-describedby={fieldError("contactEmail") ? "comment-email-error" : undefined}
          />
        </div>
        {/* Hidden from people (and from assistive technology); bots fill it in. */}
        <div className="honeypot" aria-hidden="true">
          <label htmlFor="comment-website">{t("commentHoneypot")}</label>
          <input id="comment-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
        </div>
        <button type="submit" name="intent" value="comment">
          {t("commentSubmit")}
        </button>
      </Form>
    </section>
  );
}
