import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { ACCOUNT_INTENTS, intentOf } from "~/intents";
import { LANG_TAG, urlsFor } from "../../registry/shared/urls";
import type { StringKey } from "~/i18n/strings";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { accountAgency, ctxOf, noticeSettings, registerNow, setNoticeSettings } from "~/registry.server";
import { EmailAddress, LocalText } from "~/components/text";

const ROLE_LABEL: Record<string, StringKey> = { official: "roleOfficial", reviewer: "roleReviewer", admin: "roleAdmin" };
const ROLE_NEXT: Record<string, StringKey> = { official: "accountOfficialNext", reviewer: "accountReviewerNext", admin: "accountAdminNext" };

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor, csrfToken } = await requireSession(request);
  // The agency by its name from the agencies table, never its slug (the slug only builds the link).
  const agency = await accountAgency(ctxOf(), { slug: actor.agencySlug });
  const notices = await noticeSettings(ctxOf({ actor }));
  return { actor: { displayName: actor.displayName, email: actor.email, role: actor.role }, agency, notices, csrf: csrfToken };
}

/** The notification settings: mail on or off, and the mail's language. */
export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request);
  const form = await request.formData();
  requireCsrf(session, form);
  const { lang, prefix } = requestLang({ request, context });
  if (intentOf(form, ACCOUNT_INTENTS, ACCOUNT_INTENTS.notices) !== ACCOUNT_INTENTS.notices) return formRefusal(lang, {}, { code: "err_unknown_action" });
  try {
    await setNoticeSettings(ctxOf({ actor: session.actor, now: registerNow() }), { emailNotices: form.get("emailNotices") === "1", lang: form.get("noticeLang") === "en" ? "en" : "zh" });
  } catch (e) {
    return registryFailure(e, lang, {});
  }
  return redirect(urlsFor(prefix).account({ saved: 1 }, "notice-settings"));
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("accountTitle"))];

export default function Account() {
  const { actor, agency, notices, csrf } = useLoaderData<typeof loader>();
  const { t, u } = useT();
  const [params] = useSearchParams();
  return (
    <>
      <h1>{t("accountTitle")}</h1>
      <dl className="facts">
        <dt>{t("accountEmail")}</dt>
        <dd>
          <EmailAddress value={actor.email} />
        </dd>
        <dt>{t("accountRole")}</dt>
        <dd>{t(ROLE_LABEL[actor.role]!)}</dd>
        {agency ? (
          <>
            <dt>{t("accountAgency")}</dt>
            <dd>
              <a href={u.agency(agency.slug)}>
                <LocalText value={agency.name} />
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <p>{t(ROLE_NEXT[actor.role]!)}</p>
      {actor.role === "official" ? (
        <p>
          <a href={u.drafts()}>{t("draftsTitle")}</a>
        </p>
      ) : null}
      {actor.role === "reviewer" ? (
        <p>
          <a href={u.review()}>{t("reviewQueueTitle")}</a>
        </p>
      ) : null}
      <p>
        <a href={u.inbox()}>{t("inboxTitle")}</a>
      </p>
      <h2 id="notice-settings">{t("noticeSettingsTitle")}</h2>
      {params.get("saved") === "1" ? (
        <p className="notice" role="status">
          {t("noticeSettingsSaved")}
        </p>
      ) : null}
      <Form method="post" reloadDocument className="stacked-form record-form">
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="intent" value={ACCOUNT_INTENTS.notices} />
        <div className="field">
          <div className="check">
            <input type="checkbox" id="emailNotices" name="emailNotices" value="1" defaultChecked={notices.emailNotices} aria-describedby="emailNotices-hint" />
            <label htmlFor="emailNotices">{t("noticeEmailLabel")}</label>
          </div>
          <p className="hint" id="emailNotices-hint">
            {t("noticeEmailHint")}
          </p>
        </div>
        <fieldset className="group">
          <legend>{t("noticeLangLabel")}</legend>
          <div className="check">
            <input type="radio" id="noticeLang-zh" name="noticeLang" value="zh" defaultChecked={notices.lang === "zh"} />
            <label htmlFor="noticeLang-zh" lang={LANG_TAG.zh}>
              中文
            </label>
          </div>
          <div className="check">
            <input type="radio" id="noticeLang-en" name="noticeLang" value="en" defaultChecked={notices.lang === "en"} />
            <label htmlFor="noticeLang-en" lang={LANG_TAG.en}>
              English
            </label>
          </div>
        </fieldset>
        <button type="submit">{t("noticeSettingsSave")}</button>
      </Form>
    </>
  );
}
