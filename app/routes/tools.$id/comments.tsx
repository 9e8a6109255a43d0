// The public comments of a record: the list with the agency's replies, the comment form (no
// account, no JavaScript needed), and the reply form for the responsible agency's officials.
// Officials of the owning agency also see the contact e-mail a commenter left for them.
//
// After a comment is sent, the thank-you or the error is where the eye is, focused:
// - without JavaScript the form posts to "#comment-result", so the browser shows the action's
//   answer scrolled to the message, which takes focus with `autofocus` (never a redirect: a
//   thank-you page must not land in the shared page cache);
// - with JavaScript the form is a fetcher: the message is focused by an effect, and the form is
//   cleared after success.
// The form carries a token made in the browser (never in the page, which may come from the page
// cache), so a resubmitted form is stored once (registry/voice/comments.server.ts postComment).
import { RECORD_INTENTS } from "~/intents";
import { useEffect, useRef, useState } from "react";
import { Form, useActionData, useFetcher } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";
import { InlineText, Sentence } from "~/components/text";
import type { StringKey } from "~/i18n/strings";
import type { PublicComment } from "../../../registry/voice/comments.server";
import type { LocalizedText } from "../../../registry/standard/v1";

export type CommentActionData =
  | { intent: "comment"; ok: true }
  | { intent: "comment"; ok: false; fields: Record<string, StringKey>; formError?: StringKey; values: Record<string, string> }
  | { intent: "reply"; commentId: number; error: StringKey };

type Data = {
  comments: PublicComment[];
  csrf: string | null;
  canReply: boolean;
  contactEmails?: Record<number, string>;
  consultationOpenUntil: string | null;
  /** Names of the agencies that may reply, by slug: a reply is signed with the agency's name. */
  agencyNames?: Record<string, LocalizedText>;
  /** The record is mirrored from another register: comments stay here, and no agency is promised to answer. */
  mirrored?: boolean;
};

/** A random form token, also where crypto.randomUUID is missing (pages served over plain HTTP). */
function newFormToken(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

const FIELD_IDS: Record<string, string> = { body: "comment-body", displayName: "comment-name", contactEmail: "comment-email" };

export function Comments({ comments, csrf, canReply, contactEmails = {}, consultationOpenUntil, agencyNames = {}, mirrored = false }: Data) {
  const { t, date, num, lang } = useT();
  // The answer to a whole-page post (no JavaScript, or a reply) and to the comment fetcher.
  const pageResult = useActionData<CommentActionData>();
  const fetcher = useFetcher<CommentActionData>({ key: "comment" });
  const commentResult = fetcher.data?.intent === "comment" ? fetcher.data : pageResult?.intent === "comment" ? pageResult : undefined;
  const result = pageResult;
  const published = comments.filter((c) => c.status === "published").length;
  const failed = commentResult && !commentResult.ok ? commentResult : null;
  // What was typed comes back only with a whole-page answer; a fetcher leaves the fields alone.
  const typed = pageResult?.intent === "comment" && !pageResult.ok ? pageResult.values : undefined;
  const fieldError = (name: string) => (failed?.fields[name] ? t(failed.fields[name]!) : null);
  const fieldErrors = failed ? Object.entries(failed.fields) : [];

  const [token, setToken] = useState("");
  useEffect(() => setToken(newFormToken()), []);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLElement | null>(null);
  const setMessage = (el: HTMLElement | null) => {
    messageRef.current = el;
  };
  useEffect(() => {
    if (fetcher.state !== "idle" || fetcher.data?.intent !== "comment") return;
    if (fetcher.data.ok) {
      formRef.current?.reset();
      setToken(newFormToken()); // the next comment is a new one
    }
    messageRef.current?.focus();
  }, [fetcher.state, fetcher.data]);

  return (
    <section id="comments" aria-labelledby="comments-h" className="comments">
      <h2 id="comments-h">
        {t("commentsHeading")}
        {lang === "zh" ? null : " "}
        <span className="comments-count">{published === 1 ? t("commentsCountInHeadingOne") : t("commentsCountInHeading", { n: num(published) })}</span>
      </h2>
      {consultationOpenUntil ? <p className="consultation-call">{t("commentConsultationCall", { date: date(consultationOpenUntil) })}</p> : null}
      {/* On a record mirrored from another register, no one is promised an answer: nothing goes to the source. */}
      <p>{t(mirrored ? "mirroredCommentsIntro" : "commentsIntro")}</p>
      {comments.length ? (
        <ol className="comment-list">
          {comments.map((c) => (
            <li key={c.id} id={`comment-${c.id}`} className={`comment comment-${c.status}`}>
              {c.status === "removed" ? (
                <p className="muted">{t("commentsRemoved", { reason: c.removalReason ?? "" })}</p>
              ) : (
                <>
                  <p className="comment-meta">
                    <strong>{c.displayName || t("commentsAnonymous")}</strong> · <time dateTime={c.createdAt}>{date(c.createdAt)}</time> ·{" "}
                    {t("commentsOnRevision", { n: c.revision })}
                  </p>
                  {contactEmails[c.id] ? <p className="comment-contact">{t("commentContactForAgency", { email: contactEmails[c.id]! })}</p> : null}
                  <p className="comment-body">{c.body}</p>
                </>
              )}
              {c.replies.map((r) => (
                <div key={r.id} className="reply">
                  <p className="comment-meta">
                    <strong>
                      <Sentence k="commentsReplyBy" vars={{ agency: <InlineText value={agencyNames[r.agency]} otherwise={t("commentsReplyAgency")} /> }} />
                    </strong> · <time dateTime={r.createdAt}>{date(r.createdAt)}</time>
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
                  <button type="submit" name="intent" value={RECORD_INTENTS.reply}>
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
      {commentResult?.ok ? (
        <p id="comment-result" className="verified comment-result" role="status" tabIndex={-1} autoFocus ref={setMessage}>
          {t("commentThanks")}
        </p>
      ) : null}
      {failed ? (
        <div
          id="comment-result"
          className="error-summary comment-result"
          role="alert"
          tabIndex={-1}
          autoFocus
          ref={setMessage}
        >
          <h3>{t("commentNotSentTitle")}</h3>
          {failed.formError ? <p>{t(failed.formError)}</p> : null}
          {fieldErrors.length ? (
            <ul>
              {fieldErrors.map(([name, key]) => (
                <li key={name}>{FIELD_IDS[name] ? <a href={`#${FIELD_IDS[name]}`}>{t(key)}</a> : t(key)}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <fetcher.Form
        method="post"
        action="#comment-result"
        ref={formRef}
        className="stacked-form comment-form"
        aria-labelledby="comment-form-h"
        noValidate
      >
        <input type="hidden" name="token" value={token} />
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
            defaultValue={typed?.body}
            aria-invalid={fieldError("body") ? true : undefined}
            aria-describedby={fieldError("body") ? "comment-body-hint comment-body-error" : "comment-body-hint"}
          />
        </div>
        <div className={`field${fieldError("displayName") ? " has-error" : ""}`}>
          <label htmlFor="comment-name">{t("commentName")}</label>
          {fieldError("displayName") ? <p className="field-error">{fieldError("displayName")}</p> : null}
          <input id="comment-name" name="displayName" type="text" maxLength={60} defaultValue={typed?.displayName} autoComplete="nickname" />
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
            defaultValue={typed?.contactEmail}
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
        <button type="submit" name="intent" value={RECORD_INTENTS.comment}>
          {t("commentSubmit")}
        </button>
      </fetcher.Form>
    </section>
  );
}
