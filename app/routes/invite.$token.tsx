// /invite/<token>: the invited person sets their password and is signed in. An expired, used or
// unknown link gets a page that says so and what to do. The token is never put in another
// address: the form posts to this page and success redirects to the account page.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { isCrossSite, isSecure, sessionCookie } from "~/auth.server";
import { registryFailure, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { acceptInvitation, ctxOf, INVITATION_DAYS, invitationStatus, login, MIN_PASSWORD_LENGTH, registerNow } from "~/registry.server";
import { urlsFor } from "../../registry/shared/urls";
import { RegistryError } from "../../registry/shared/errors";
import { FieldErrorSummary } from "~/components/form-page";
import { Field } from "~/components/admin-form";

const STATUS = { valid: 200, expired: 410, used: 410, unknown: 404 } as const;

export async function loader({ params }: LoaderFunctionArgs) {
  const status = await invitationStatus(ctxOf({ now: registerNow() }), { token: String(params.token ?? "").slice(0, 200) });
  // Never cached (not a public page: entry.server answers private, no-store), and the referrer
  // policy of every page sends other sites the origin only, never this address.
  return data(status, { status: STATUS[status.state] });
}

type ActionData = Partial<FormFailure> & { state?: "expired" | "used" | "unknown" };

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { lang, prefix } = requestLang({ request, context });
  if (isCrossSite(request)) throw new Response("Forbidden", { status: 403 });
  const form = await request.formData();
  const str = (k: string) => (typeof form.get(k) === "string" ? String(form.get(k)) : "");
  const token = String(params.token ?? "").slice(0, 200);
  let email: string;
  try {
    ({ email } = await acceptInvitation(ctxOf({ now: registerNow() }), { token, password: str("password"), confirm: str("confirm") }));
  } catch (e) {
    if (e instanceof RegistryError && e.code === "wrong_state") {
      const state = e.issues[0]?.code.replace("err_invitation_", "") as ActionData["state"];
      return data<ActionData>({ state }, { status: STATUS[state ?? "unknown"] });
    }
    return registryFailure(e, lang, {});
  }
  // Signed in with the new password, as the login page would (real time, this client's limits).
  const u = urlsFor(prefix);
  const r = await login(ctxOf({ address: context.clientAddress ?? "unknown", now: new Date() }), { email, password: str("password") });
  if (!r.ok) return redirect(u.login());
  const cookie = await sessionCookie.serialize(r.sessionToken, { secure: isSecure(request, context), expires: new Date(r.expiresAt) });
  return redirect(u.account(), { headers: { "Set-Cookie": cookie } });
}

const TITLES: Record<"expired" | "used" | "unknown", [StringKey, StringKey]> = {
  expired: ["inviteExpiredTitle", "inviteExpiredText"],
  used: ["inviteUsedTitle", "inviteUsedText"],
  unknown: ["inviteUnknownTitle", "inviteUnknownText"],
};

export default function Invite() {
  const status = useLoaderData<typeof loader>() as unknown as { state: "valid" | "expired" | "used" | "unknown"; displayName?: string };
  const result = useActionData<ActionData>();
  const { t, u } = useT();
  const state = result?.state ?? status.state;
  if (state !== "valid") {
    const [title, text] = TITLES[state];
    return (
      <div className="narrow">
        <title>{`${t(title)} · ${t("siteName")}`}</title>
        <h1>{t(title)}</h1>
        <p className="lead">{t(text, { days: INVITATION_DAYS })}</p>
        <p>
          <a href={u.login()}>{t("inviteToLogin")}</a>
        </p>
      </div>
    );
  }
  const fields = result?.fields ?? {};
  const hasErrors = Boolean(result?.errors?.length || result?.message);
  return (
    <div className="narrow">
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("inviteTitle")} · ${t("siteName")}`}</title>
      <h1>{t("inviteTitle")}</h1>
      <p className="lead">{t("inviteIntro", { name: status.displayName ?? "", minimum: MIN_PASSWORD_LENGTH })}</p>
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <Form method="post" className="stacked-form" noValidate>
        <Field id="f-password" label={t("invitePassword")} errors={fields.password}>
          <input id="f-password" name="password" type="password" autoComplete="new-password" minLength={MIN_PASSWORD_LENGTH} maxLength={200} />
        </Field>
        <Field id="f-confirm" label={t("inviteConfirm")} errors={fields.confirm}>
          <input id="f-confirm" name="confirm" type="password" autoComplete="new-password" maxLength={200} />
        </Field>
        <button type="submit">{t("inviteSubmit")}</button>
      </Form>
    </div>
  );
}
