import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { registryFailure, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { urlsFor } from "../../registry/shared/urls";
import { applyListButton, createDraft, formToValue, registerNow, sectionNode, ctxOf } from "~/registry.server";
import { useT } from "~/i18n/use-lang";
import { SectionFields } from "~/components/schema-form";
import { FieldErrorSummary } from "~/components/form-page";
import { FormOptions } from "~/components/form-options";

export async function loader({ request }: LoaderFunctionArgs) {
  const { csrfToken } = await requireSession(request, ["official"]);
  return { csrf: csrfToken, node: sectionNode("identity") };
}

type ActionData = { value: unknown } & Partial<FormFailure>;

export async function action({ request, context }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  let value = formToValue(sectionNode("identity"), entries, "identity");
  const add = form.get("_add");
  const remove = form.get("_remove");
  if (typeof add === "string" || typeof remove === "string") {
    value = applyListButton(value, "identity", { add: typeof add === "string" ? add : undefined, remove: typeof remove === "string" ? remove : undefined });
    return data<ActionData>({ value, fields: {} });
  }
  const { lang, prefix } = requestLang({ request, context });
  try {
    const { toolId } = await createDraft(ctxOf({ actor: session.actor, now: registerNow() }), { identity: { ...(value as object), originalLanguage: "zh" } });
    // To the new draft's next section, in the language space the form was posted from.
    return redirect(urlsFor(prefix).toolEdit(toolId, { section: "responsibility" }));
  } catch (e) {
    return registryFailure(e, lang, { value });
  }
}

export default function NewDraft() {
  const { csrf, node } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t } = useT();
  const errors = result?.fields ?? {};
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("newDraftTitle")} · ${t("siteName")}`}</title>
      <h1>{t("newDraftTitle")}</h1>
      <p className="lead">{t("newDraftIntro")}</p>
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <Form method="post" className="stacked-form record-form" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        {/* The slug may be left empty: the register makes it from the name (registry/standard/slug-proposal.ts). */}
        <FormOptions.Provider value={{ optional: ["identity.slug"] }}>
          <SectionFields section="identity" node={node} value={result?.value} errors={errors} />
        </FormOptions.Provider>
        <button type="submit">{t("newDraftButton")}</button>
      </Form>
    </>
  );
}
