// /admin/agencies: admins list, add and edit agencies (`?edit=<slug>` opens one in the form).
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { pageTitle } from "~/i18n/meta";
import { useT } from "~/i18n/use-lang";
import { ADMIN_INTENTS, intentOf } from "~/intents";
import { createAgency, ctxOf, listAgenciesForAdmin, registerNow, updateAgency } from "~/registry.server";
import { urlsFor } from "../../registry/shared/urls";
import { JURISDICTION_LEVELS } from "../../registry/standard/v1";
import { FieldErrorSummary } from "~/components/form-page";
import { AdminNav, AgencySelect, Field, useAgencyName } from "~/components/admin-form";

export async function loader({ request }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["admin"]);
  const agencies = await listAgenciesForAdmin(ctxOf({ actor: session.actor }));
  const query = new URL(request.url).searchParams;
  const editSlug = query.get("edit");
  return { agencies, editing: agencies.find((a) => a.slug === editSlug) ?? null, saved: query.has("saved"), csrf: session.csrfToken };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => [pageTitle(matches, ({ t }) => t("adminAgenciesTitle"))];

const FIELDS = ["slug", "nameZh", "nameEn", "parent", "jurisdictionLevel", "placeZh", "placeEn"] as const;
type Values = Partial<Record<(typeof FIELDS)[number], string>>;
type ActionData = Partial<FormFailure> & { values?: Values };

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["admin"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const { lang, prefix } = requestLang({ request, context });
  const values: Values = Object.fromEntries(FIELDS.map((k) => [k, typeof form.get(k) === "string" ? String(form.get(k)) : ""]));
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const intent = intentOf(form, ADMIN_INTENTS);
  try {
    if (intent === ADMIN_INTENTS.create) await createAgency(ctx, values as never);
    else if (intent === ADMIN_INTENTS.update) await updateAgency(ctx, values as never);
    else return formRefusal(lang, { values }, { code: "err_unknown_action" });
  } catch (e) {
    return registryFailure(e, lang, { values });
  }
  return redirect(urlsFor(prefix).adminAgencies({ saved: 1 }));
}

export default function AdminAgencies() {
  const { agencies, editing, saved, csrf } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, l, u, num, lang } = useT();
  const nameOf = useAgencyName();
  const byslug = new Map(agencies.map((a) => [a.slug, a]));
  const v: Values = result?.values ?? (editing ? { ...editing, parent: editing.parentSlug ?? "" } as Values : {});
  const isEdit = Boolean(editing);
  const errors = result?.fields ?? {};
  const hasErrors = Boolean(result?.errors?.length || result?.message);
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("adminAgenciesTitle")} · ${t("siteName")}`}</title>
      <h1>{t("adminAgenciesTitle")}</h1>
      <AdminNav />
      <p className="lead">{t("adminAgenciesIntro")}</p>
      {saved ? (
        <div className="notice" role="status">
          <p>{t("adminAgencySaved")}</p>
        </div>
      ) : null}
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <h2 id="agency-form">{isEdit ? t("adminEditAgency", { name: nameOf(editing) }) : t("adminNewAgency")}</h2>
      <Form method="post" className="stacked-form" noValidate key={editing?.slug ?? "new"}>
        <input type="hidden" name="csrf" value={csrf} />
        <Field id="f-nameZh" label={t("adminAgencyNameZh")} errors={errors.nameZh}>
          <input id="f-nameZh" name="nameZh" type="text" maxLength={300} defaultValue={v.nameZh ?? ""} lang="zh-Hans" />
        </Field>
        <Field id="f-nameEn" label={t("adminAgencyNameEn")} errors={errors.nameEn}>
          <input id="f-nameEn" name="nameEn" type="text" maxLength={300} defaultValue={v.nameEn ?? ""} lang="en" />
        </Field>
        {isEdit ? (
          <input type="hidden" name="slug" value={editing!.slug} />
        ) : (
          <Field id="f-slug" label={t("adminAgencySlug")} hint={t("adminAgencySlugHint")} errors={errors.slug}>
            <input id="f-slug" name="slug" type="text" maxLength={80} defaultValue={v.slug ?? ""} lang="en" aria-describedby="f-slug-hint" pattern="[a-z0-9]+(-[a-z0-9]+)*" />
          </Field>
        )}
        <Field id="f-parent" label={t("adminAgencyParent")} errors={errors.parent}>
          <AgencySelect id="f-parent" name="parent" agencies={agencies.filter((a) => a.slug !== editing?.slug)} value={v.parent} none={t("adminAgencyParentNone")} />
        </Field>
        <Field id="f-jurisdictionLevel" label={t("adminAgencyLevel")} errors={errors.jurisdictionLevel}>
          <select id="f-jurisdictionLevel" name="jurisdictionLevel" defaultValue={v.jurisdictionLevel ?? "city"}>
            {JURISDICTION_LEVELS.map((j) => (
              <option key={j} value={j}>
                {l("jurisdiction", j)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="f-placeZh" label={t("adminAgencyPlaceZh")} errors={errors.placeZh}>
          <input id="f-placeZh" name="placeZh" type="text" maxLength={200} defaultValue={v.placeZh ?? ""} lang="zh-Hans" />
        </Field>
        <Field id="f-placeEn" label={t("adminAgencyPlaceEn")} errors={errors.placeEn}>
          <input id="f-placeEn" name="placeEn" type="text" maxLength={200} defaultValue={v.placeEn ?? ""} lang="en" />
        </Field>
        <button type="submit" name="intent" value={isEdit ? ADMIN_INTENTS.update : ADMIN_INTENTS.create}>
          {isEdit ? t("adminSaveAgency") : t("adminAddAgency")}
        </button>{" "}
        {isEdit ? <a href={u.adminAgencies()}>{t("adminCancel")}</a> : null}
      </Form>
      <h2>{t("adminAgencyCount", { n: num(agencies.length) })}</h2>
      <ul className="agency-admin-list">
        {agencies.map((a) => (
          <li key={a.slug} id={`agency-${a.slug}`}>
            <a href={u.agency(a.slug)}>{nameOf(a, a.slug)}</a> · {l("jurisdiction", a.jurisdictionLevel)}
            {a.parentSlug ? <> · {t("adminAgencyParent")}{lang === "zh" ? "：" : ": "}{nameOf(byslug.get(a.parentSlug), a.parentSlug)}</> : null}{" "}
            <a href={u.adminAgencies({ edit: a.slug })} aria-label={t("adminEditAgency", { name: nameOf(a, a.slug) })}>
              {t("adminEdit")}
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
