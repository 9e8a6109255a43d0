// "Check your answers" before submitting a draft (GOV.UK pattern): every section's answers as
// read-only summary lists with a link to change each, and the one submit button, with the CSRF
// token, working without JavaScript. Only the owning agency's officials; a submitted revision
// goes to its confirmation page.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCsrf, requireSession } from "~/auth.server";
import { registryFailure, formRefusal, readOr404, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { EDIT_INTENTS, intentOf } from "~/intents";
import { agencyNames, ctxOf, draftTaskList, getOwnerView, registerNow, sectionNode, submitDraft } from "~/registry.server";
import { SECTION_NAMES, isSectionName } from "../../registry/standard/sections";
import { urlsFor, type Paths } from "../../registry/shared/urls";
import { CheckAnswers } from "~/components/check-answers";
import { recordAnswers } from "~/components/check-answers.server";
import { FieldErrorSummary } from "~/components/form-page";
import { taskListLinks } from "~/components/task-list";
import { useT } from "~/i18n/use-lang";

export const links = taskListLinks;

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const view = await readOr404(getOwnerView(ctx, { toolId: params.id ?? "" }));
  const u = urlsFor(requestLang({ request, context }).prefix);
  if (view.status !== "draft") throw redirect(u.toolSubmitted(view.toolId));
  const list = await draftTaskList(ctx, { toolId: view.toolId });
  const record = view.record as Record<string, unknown>;
  const names = await agencyNames(ctx, { slugs: (view.record.responsibility?.agencies ?? []).map((a) => a.agency) });
  return {
    toolId: view.toolId,
    number: view.number,
    name: view.record.identity.name,
    ready: list.ready,
    level: list.impact?.level ?? null,
    sections: recordAnswers(record),
    agencies: Object.fromEntries(Object.values(names).map((a) => [a.slug, a.name])),
    csrf: session.csrfToken,
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const id = params.id ?? "";
  const { lang, prefix } = requestLang({ request, context });
  const intent = intentOf(form, EDIT_INTENTS, EDIT_INTENTS.submit);
  if (intent !== EDIT_INTENTS.submit) return formRefusal(lang, { intent: String(intent) }, { code: "err_unknown_action" });
  try {
    await submitDraft(ctxOf({ actor: session.actor, now: registerNow() }), { toolId: id });
  } catch (e) {
    return registryFailure(e, lang, { intent });
  }
  return redirect(urlsFor(prefix).toolSubmitted(id));
}

/** Which section page a refusal's field belongs to. */
const sectionHref = (u: Paths, id: string) => (path: string) => {
  const first = path.split(".")[0];
  return isSectionName(first) ? u.toolEdit(id, { section: first }) : null;
};

export default function CheckAnswersPage() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<{ intent: string } & Partial<FormFailure>>();
  const { t, l, text, u } = useT();
  const name = text(page.name)?.text ?? page.toolId;
  const refused = Boolean(result?.message || result?.errors?.length);
  return (
    <>
      <title>{`${refused ? `${t("errorPrefix")} ` : ""}${t("checkTitle")} · ${name} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.toolEdit(page.toolId)}>← {t("taskBackToList")}</Link>
      </p>
      <h1>{t("checkTitle")}</h1>
      <p className="muted">
        {name} · {page.toolId} · {t("historyRevision", { n: page.number })}
      </p>
      <FieldErrorSummary errors={result?.errors} message={result?.message} sectionHref={sectionHref(u, page.toolId)} />
      <p className="lead">{t("checkIntro")}</p>
      {page.level ? <p className="impact-level">{t("taskImpactIs", { level: l("level", page.level) })}</p> : null}
      <CheckAnswers toolId={page.toolId} sections={page.sections} agencies={page.agencies} />
      <section aria-labelledby="submit-h" className="submit-box">
        <h2 id="submit-h">{t("editSubmitHeading")}</h2>
        {page.ready ? null : (
          <p>
            {t("checkNotReady")} <Link to={u.toolEdit(page.toolId)}>{t("taskBackToList")}</Link>
          </p>
        )}
        <p>{t("editSubmitText")}</p>
        {/* Also while something blocks: the refusal then names each problem with a link to its section. */}
        <Form method="post">
          <input type="hidden" name="csrf" value={page.csrf} />
          <button type="submit" name="intent" value={EDIT_INTENTS.submit} className={page.ready ? undefined : "secondary"}>
            {t("editSubmitButton")}
          </button>
        </Form>
      </section>
    </>
  );
}
