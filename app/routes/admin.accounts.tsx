// /admin/accounts: admins list, create, disable, re-enable and change accounts. A new account's
// invitation link is shown once, on the page this form answers with, and never in an address.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { pageTitle } from "~/i18n/meta";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { ADMIN_INTENTS, intentOf } from "~/intents";
import { changeAccount, createAccount, ctxOf, listAccounts, listAgenciesForAdmin, registerNow, reinviteAccount, setAccountDisabled } from "~/registry.server";
import { absolute, paths } from "../../registry/shared/urls";
import { FieldErrorSummary } from "~/components/form-page";
import { AdminNav, AgencySelect, Field } from "~/components/admin-form";
import { AccountList, ROLE_LABEL } from "~/components/admin-accounts";
import { ROLES } from "../../registry/auth/roles";



export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["admin"]);
  const ctx = ctxOf({ actor: session.actor });
  const agencies = (await listAgenciesForAdmin(ctx)).map((a) => ({ slug: a.slug, nameZh: a.nameZh, nameEn: a.nameEn }));
  return { accounts: await listAccounts(ctx), agencies, csrf: session.csrfToken, self: session.actor.id };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("adminAccountsTitle"))];

type Values = Record<string, string>;
type ActionData = Partial<FormFailure> & {
  intent?: string;
  values?: Values;
  accountId?: number;
  notice?: StringKey;
  invitation?: { url: string; expiresAt: string; displayName: string; email: string };
};

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["admin"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const { lang } = requestLang({ request, context });
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
  const intent = intentOf(form, ADMIN_INTENTS);
  const accountId = Number(str("accountId")) || 0;
  const values: Values = { email: str("email"), displayName: str("displayName"), role: str("role"), agency: str("agency") };
  // The invitation's address on this server, in the admin's language space it does not need: the invited person's language is negotiated.
  const inviteUrl = (token: string) => absolute(new URL(request.url).origin, paths.invite(token));
  try {
    switch (intent) {
      case ADMIN_INTENTS.create: {
        const r = await createAccount(ctx, values as never);
        return data<ActionData>({ intent, invitation: { url: inviteUrl(r.token), expiresAt: r.expiresAt, displayName: values.displayName!.trim(), email: values.email!.trim().toLowerCase() } });
      }
      case ADMIN_INTENTS.reinvite: {
        const r = await reinviteAccount(ctx, { accountId });
        const a = (await listAccounts(ctx)).find((x) => x.id === accountId)!;
        return data<ActionData>({ intent, invitation: { url: inviteUrl(r.token), expiresAt: r.expiresAt, displayName: a.displayName, email: a.email } });
      }
      case ADMIN_INTENTS.disable:
      case ADMIN_INTENTS.enable:
        await setAccountDisabled(ctx, { accountId, disabled: intent === ADMIN_INTENTS.disable });
        return data<ActionData>({ intent, accountId, notice: intent === ADMIN_INTENTS.disable ? "adminDoneDisabled" : "adminDoneEnabled" });
      case ADMIN_INTENTS.change:
        await changeAccount(ctx, { accountId, role: str("role") as never, agency: str("agency") });
        return data<ActionData>({ intent, accountId, notice: "adminDoneChanged" });
      default:
        return formRefusal(lang, { intent: intent ?? undefined }, { code: "err_unknown_action" });
    }
  } catch (e) {
    return registryFailure(e, lang, { intent: intent ?? undefined, values, accountId });
  }
}

export default function AdminAccounts() {
  const { accounts, agencies, csrf, self } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, dateTime, u } = useT();
  const createErrors = result?.intent === ADMIN_INTENTS.create ? (result.fields ?? {}) : {};
  const hasErrors = Boolean(result?.errors?.length || result?.message);
  if (result?.invitation) {
    const inv = result.invitation;
    return (
      <>
        <title>{`${t("adminInvitationTitle", { name: inv.displayName })} · ${t("siteName")}`}</title>
        <h1>{t("adminInvitationTitle", { name: inv.displayName })}</h1>
        <div className="notice" role="status">
          <p>{t("adminInvitationIntro", { name: inv.displayName, email: inv.email, date: dateTime(inv.expiresAt) })}</p>
        </div>
        <div className="field">
          <label htmlFor="invitation-link">{t("adminInvitationLink")}</label>
          <input id="invitation-link" type="text" readOnly value={inv.url} className="invitation-link" lang="en" />
        </div>
        <p>
          <a href={u.adminAccounts()}>{t("adminBackToAccounts")}</a>
        </p>
      </>
    );
  }
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("adminAccountsTitle")} · ${t("siteName")}`}</title>
      <h1>{t("adminAccountsTitle")}</h1>
      <AdminNav />
      <p className="lead">{t("adminAccountsIntro")}</p>
      {result?.notice ? (
        <div className="notice" role="status">
          <p>{t(result.notice)}</p>
        </div>
      ) : null}
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <AccountList accounts={accounts} agencies={agencies} csrf={csrf} self={self} />
      <h2 id="new-account">{t("adminNewAccount")}</h2>
      <Form method="post" className="stacked-form" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        <Field id="f-email" label={t("adminEmail")} errors={createErrors.email}>
          <input id="f-email" name="email" type="email" autoComplete="off" maxLength={200} defaultValue={result?.values?.email} />
        </Field>
        <Field id="f-displayName" label={t("adminDisplayName")} errors={createErrors.displayName}>
          <input id="f-displayName" name="displayName" type="text" maxLength={100} defaultValue={result?.values?.displayName} />
        </Field>
        <Field id="f-role" label={t("adminRole")} errors={createErrors.role}>
          <select id="f-role" name="role" defaultValue={result?.values?.role ?? "official"}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(ROLE_LABEL[r]!)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-agency" label={t("adminAgency")} hint={t("adminAgencyHint")} errors={createErrors.agency}>
          <AgencySelect id="f-agency" name="agency" agencies={agencies} value={result?.values?.agency} none={t("adminAgencyNone")} describedBy="f-agency-hint" />
        </Field>
        <button type="submit" name="intent" value={ADMIN_INTENTS.create}>
          {t("adminCreateAccount")}
        </button>
      </Form>
    </>
  );
}
