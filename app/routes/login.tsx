import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { getSession, isCrossSite, isSecure, safeLocalPath, sessionCookie } from "~/auth.server";
import { login, ctxOf } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { urlsFor } from "../../registry/shared/urls";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { ErrorSummary, FieldError } from "~/components/form";

const LoginSchema = z.object({
  email: z.string().trim().min(1, "loginEmailRequired").max(200),
  password: z.string().min(1, "loginPasswordRequired").max(200),
  next: z.string().optional(),
});

type ActionData = { fieldErrors: Partial<Record<"email" | "password", StringKey>>; formError?: StringKey; email: string; waitMinutes?: number };

/** Where to go after logging in when no page asked: the account page, in the login page's language space. */
const accountPage = (args: { request: Request; context?: unknown }) => urlsFor(requestLang(args).prefix).account();

export async function loader({ request, context }: LoaderFunctionArgs) {
  const next = safeLocalPath(new URL(request.url).searchParams.get("next"), accountPage({ request, context }));
  if (await getSession(request)) throw redirect(next);
  return { next };
}

// No meta title: the component renders <title> itself, so it can start with "Error:" when the
// form comes back with errors (meta() never sees action data), with or without JavaScript.

export async function action({ request, context }: ActionFunctionArgs) {
  if (isCrossSite(request)) return data<ActionData>({ fieldErrors: {}, formError: "loginOriginRefused", email: "" }, { status: 403 });
  const form = Object.fromEntries(await request.formData());
  const parsed = LoginSchema.safeParse(form);
  const email = typeof form.email === "string" ? form.email.slice(0, 200) : "";
  if (!parsed.success) {
    const fieldErrors: ActionData["fieldErrors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message as StringKey;
    }
    return data<ActionData>({ fieldErrors, email }, { status: 400 });
  }
  const result = await login(ctxOf({ address: context.clientAddress ?? "unknown", now: new Date() /* sessions and login limits run on real time, not the register's clock */ }), { email: parsed.data.email, password: parsed.data.password });
  if (!result.ok && result.reason === "rate_limited") {
    const waitMinutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return data<ActionData>(
      { fieldErrors: {}, formError: "loginRateLimitedWait", email, waitMinutes },
      { status: 429, headers: { "Retry-After": String(result.retryAfterSeconds) } },
    );
  }
  if (!result.ok) return data<ActionData>({ fieldErrors: {}, formError: result.reason === "disabled" ? "loginDisabled" : "loginInvalid", email }, { status: 400 });
  const cookie = await sessionCookie.serialize(result.sessionToken, { secure: isSecure(request, context), expires: new Date(result.expiresAt) });
  return redirect(safeLocalPath(parsed.data.next, accountPage({ request, context })), { headers: { "Set-Cookie": cookie } });
}

export default function Login() {
  const { next } = useLoaderData<typeof loader>();
  const actionData = useActionData<ActionData>();
  const { t } = useT();
  const errors = actionData?.fieldErrors ?? {};
  const summary = [
    ...(actionData?.formError ? [{ href: "#email", text: t(actionData.formError, { minutes: actionData.waitMinutes ?? "" }) }] : []),
    ...(["email", "password"] as const).flatMap((f) => (errors[f] ? [{ href: `#${f}`, text: t(errors[f]!) }] : [])),
  ];
  return (
    <div className="narrow">
      <title>{`${summary.length ? `${t("errorPrefix")} ` : ""}${t("loginTitle")} · ${t("siteName")}`}</title>
      <h1>{t("loginTitle")}</h1>
      <p className="lead">{t("loginIntro")}</p>
      <ErrorSummary title={t("loginErrorSummary")} items={summary} />
      <Form method="post" noValidate className="stacked-form">
        <input type="hidden" name="next" value={next} />
        <div className={`field${errors.email ? " has-error" : ""}`}>
          <label htmlFor="email">{t("loginEmail")}</label>
          <FieldError id="email-error" message={errors.email ? t(errors.email) : undefined} />
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={actionData?.email}
            aria-invalid={errors.email ? true : undefined}
            aria-describedby={errors.email ? "email-error" : undefined}
            maxLength={200}
          />
        </div>
        <div className={`field${errors.password ? " has-error" : ""}`}>
          <label htmlFor="password">{t("loginPassword")}</label>
          <FieldError id="password-error" message={errors.password ? t(errors.password) : undefined} />
          <input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            aria-invalid={errors.password ? true : undefined}
            aria-describedby={errors.password ? "password-error" : undefined}
            maxLength={200}
          />
        </div>
        <button type="submit">{t("loginButton")}</button>
      </Form>
    </div>
  );
}
