// Officials of the owning agency and reviewers of other agencies add incidents; owning officials
// publish appeal statistics. Both become a new public revision at once (recordFact).
import { notFound } from "~/http/not-found";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireCsrf, requireSession } from "~/auth.server";
import { registryFailure, type FormFailure } from "~/http/registry-error";
import { ctxOf, formToValue, getToolDetail, recordFact, registerNow, sectionNode } from "~/registry.server";
import type { SchemaNode } from "../../registry/standard/schema-form";
import { requestLang } from "~/i18n/lang.server";
import { useT } from "~/i18n/use-lang";
import { urlsFor } from "../../registry/shared/urls";
import { SectionFields } from "~/components/schema-form";
import { FieldErrorSummary } from "~/components/form-page";

function nodes() {
  const incidents = sectionNode("incidents");
  const oversight = sectionNode("oversight");
  return { incident: incidents.items as SchemaNode, appealStat: (oversight.properties?.appealStats as SchemaNode).items as SchemaNode };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["official", "reviewer"]);
  const lookup = await getToolDetail(ctxOf(), { idOrSlug: params.id ?? "" });
  if (!lookup || !("found" in lookup)) throw notFound();
  // A record mirrored from another register is read-only here (recordFact refuses it too).
  if (lookup.found.mirrored) throw forbidden();
  const url = new URL(request.url);
  // The name in both languages: the page picks its own (the title and the way back).
  return { id: lookup.found.id, name: lookup.found.record.identity.name, role: session.actor.role, csrf: session.csrfToken, nodes: nodes(), done: url.searchParams.get("done") };
}

type ActionData = { kind: "incident" | "appealStat"; value: unknown } & Partial<FormFailure>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official", "reviewer"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const kind = form.get("kind") === "appealStat" ? "appealStat" : "incident";
  const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
  const value = formToValue(nodes()[kind], entries, kind);
  try {
    const r = await recordFact(ctxOf({ actor: session.actor, now: registerNow() }), { toolId: params.id ?? "", ...kind === "incident" ? { incident: value } : { appealStat: value } });
    // Back to this page, in the language space the form was posted from.
    return redirect(urlsFor(requestLang({ request, context }).prefix).toolFacts(params.id ?? "", { done: r.revision }));
  } catch (e) {
    return registryFailure(e, requestLang({ request, context }).lang, { kind, value });
  }
}

export default function Facts() {
  const { id, name: names, role, csrf, nodes, done } = useLoaderData<typeof loader>();
  const result = useActionData<ActionData>();
  const { t, text, u } = useT();
  const name = text(names)?.text ?? id;
  const errors = result?.fields ?? {};
  const hasErrors = Object.keys(errors).length > 0 || Boolean(result?.message);
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t("factsTitle", { name })} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.tool(id)}>← {name}</Link>
      </p>
      <h1>{t("factsTitle", { name })}</h1>
      <p className="lead">{t("factsIntro")}</p>
      {done ? (
        <p className="verified" role="status">
          {t("factsDone", { n: done })}
        </p>
      ) : null}
      <FieldErrorSummary errors={result?.errors} message={result?.message} />
      <Form method="post" className="stacked-form record-form" noValidate>
        <input type="hidden" name="csrf" value={csrf} />
        <input type="hidden" name="kind" value="incident" />
        <h2>{t("factsIncidentHeading")}</h2>
        <SectionFields section="incident" node={nodes.incident} value={result?.kind === "incident" ? result.value : undefined} errors={result?.kind === "incident" ? errors : {}} />
        <button type="submit">{t("factsIncidentSubmit")}</button>
      </Form>
      {role === "official" ? (
        <Form method="post" className="stacked-form record-form action-form" noValidate>
          <input type="hidden" name="csrf" value={csrf} />
          <input type="hidden" name="kind" value="appealStat" />
          <h2>{t("factsAppealHeading")}</h2>
          <SectionFields section="appealStat" node={nodes.appealStat} value={result?.kind === "appealStat" ? result.value : undefined} errors={result?.kind === "appealStat" ? errors : {}} />
          <button type="submit">{t("factsAppealSubmit")}</button>
        </Form>
      ) : null}
    </>
  );
}
