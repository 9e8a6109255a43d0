// The owning official's page for a tool: edit the draft section by section and submit it, or,
// once submitted, take the actions the workflow allows (withdraw, revise, renew, propose a
// change, retire). Every action checks the session, the CSRF token and the workflow itself.
import { EDIT_INTENTS, intentOf, type EditIntent } from "~/intents";
import { isSectionName, sectionTitleKey, type SectionName } from "../../registry/standard/sections";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { forbidden, requireCsrf, requireSession } from "~/auth.server";
import { formRefusal, registryFailure, readOr404, type FormFailure } from "~/http/registry-error";
import { requestLang } from "~/i18n/lang.server";
import { urlsFor, type Paths } from "../../registry/shared/urls";
import {
  agencyChoices,
  applyListButton,
  formToValue,
  getOwnerView,
  postConsultationResponse,
  registerNow,
  retireTool,
  saveDraftSection,
  sectionNode,
  startRevision,
  submitDraft,
  takeOverOffer,
  withdraw, ctxOf, draftTaskList, getToolDetail } from "~/registry.server";
import { TakeOverOffer } from "~/components/take-over";
import { useT } from "~/i18n/use-lang";
import { SectionFields } from "~/components/schema-form";
import { FieldErrorSummary } from "~/components/form-page";
import { StatusBadge } from "~/components/badges";
import { FormOptions } from "~/components/form-options";
import { SavedBanner, SectionProblems, TaskList, taskListLinks } from "~/components/task-list";

export const links = taskListLinks;

const isSection = isSectionName;

/** An official who may take over this editors' record sees that offer (app/components/take-over.tsx); the owners the draft. */
/** Whether the tool's public record is mirrored from another register, and so read-only here (no edit, no take-over). */
async function isMirroredTool(toolId: string): Promise<boolean> {
  const d = await getToolDetail(ctxOf(), { idOrSlug: toolId });
  return Boolean(d && "found" in d && d.found.mirrored);
}

export async function loader(args: LoaderFunctionArgs) {
  const session = await requireSession(args.request, ["official"]);
  if (await isMirroredTool(args.params.id ?? "")) throw forbidden();
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const offer = await readOr404(takeOverOffer(ctx, { toolId: args.params.id ?? "" }));
  return offer ? { offer, csrf: session.csrfToken } : editLoader(args);
}

async function editLoader({ request, params, context }: LoaderFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const view = await readOr404(getOwnerView(ctx, { toolId: params.id ?? "" }));
  const url = new URL(request.url);
  const requested = url.searchParams.get("section");
  // Without a section, a draft's page is its task list.
  const section: SectionName | null = isSection(requested) ? requested : null;
  return {
    view,
    section,
    node: section ? sectionNode(section) : null,
    taskList: view.status === "draft" ? await draftTaskList(ctx, { toolId: view.toolId }) : null,
    // The agency picker of the responsibility section: the register's agencies by name.
    agencies: section === "responsibility" ? await agencyChoices(ctx, { lang: requestLang({ request, context }).lang }) : [],
    csrf: session.csrfToken,
    saved: url.searchParams.get("saved") === "1",
    done: url.searchParams.get("done"),
  };
}

type ActionData = { intent: string; section?: SectionName; value?: unknown } & Partial<FormFailure>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const session = await requireSession(request, ["official"]);
  const form = await request.formData();
  requireCsrf(session, form);
  const id = params.id ?? "";
  const ctx = ctxOf({ actor: session.actor, now: registerNow() });
  const intent = intentOf(form, EDIT_INTENTS, EDIT_INTENTS.save) ?? String(form.get("intent"));
  const section = form.get("section");
  // Back to this page, in the language space the form was posted from (/en/tools/<id>/edit).
  const { lang, prefix } = requestLang({ request, context });
  if (await isMirroredTool(id)) return formRefusal(lang, { intent }, { code: "err_mirrored_read_only" });
  const u = urlsFor(prefix);
  const text = (name: string) => {
    const zh = String(form.get(`${name}.zh`) ?? "").trim();
    const en = String(form.get(`${name}.en`) ?? "").trim();
    return { ...(zh ? { zh } : {}), ...(en ? { en } : {}) };
  };
  try {
    if (form.has("_add") || form.has("_remove") || intent === EDIT_INTENTS.save) {
      if (!isSection(section)) return formRefusal(lang, { intent }, { code: "err_section_unknown", path: "section" });
      const entries = [...form.entries()].filter((e): e is [string, string] => typeof e[1] === "string");
      let value = formToValue(sectionNode(section), entries, section);
      const add = form.get("_add");
      const remove = form.get("_remove");
      if (typeof add === "string" || typeof remove === "string") {
        value = applyListButton(value, section, { add: typeof add === "string" ? add : undefined, remove: typeof remove === "string" ? remove : undefined });
        return data<ActionData>({ intent: "rows", section, value, fields: {} });
      }
      try {
        await saveDraftSection(ctx, { toolId: id, section, value });
      } catch (e) {
        return registryFailure(e, lang, { intent, section, value });
      }
      return redirect(u.toolEdit(id, { section, saved: 1 }));
    }
    if (intent === EDIT_INTENTS.submit) {
      await submitDraft(ctx, { toolId: id });
      return redirect(u.toolSubmitted(id));
    } else if (intent === EDIT_INTENTS.withdraw) await withdraw(ctx, { toolId: id });
    else if (intent === EDIT_INTENTS.revise || intent === EDIT_INTENTS.requestRenewal) await startRevision(ctx, { toolId: id, action: intent });
    else if (intent === EDIT_INTENTS.proposeChange)
      await startRevision(ctx, { toolId: id, action: "propose_change", kind: form.get("kind") === "data_scope" ? "data_scope" : "purpose", change: text("change") });
    else if (intent === EDIT_INTENTS.retire) await retireTool(ctx, { toolId: id, reason: text("reason") });
    else if (intent === EDIT_INTENTS.respond) await postConsultationResponse(ctx, { toolId: id, raised: text("raised"), changed: text("changed") });
    else return formRefusal(lang, { intent }, { code: "err_unknown_action" });
  } catch (e) {
    return registryFailure(e, lang, { intent });
  }
  return redirect(u.toolEdit(id, { done: intent }));
}

/** Which section page a field error belongs to. */
const sectionHref = (u: Paths, id: string) => (path: string) => {
  const first = path.split(".")[0];
  return isSection(first) ? u.toolEdit(id, { section: first }) : null;
};

export default function EditPage() {
  const data = useLoaderData<typeof loader>();
  return "offer" in data ? <TakeOverOffer offer={data.offer} csrf={data.csrf} /> : <EditTool />;
}

function EditTool() {
  const { view, section, node, taskList, agencies, csrf, saved, done } = useLoaderData<typeof editLoader>();
  const result = useActionData<ActionData>();
  const { t, text, l, date, u } = useT();
  const name = text(view.record.identity?.name)?.text ?? view.toolId;
  const errors = result?.fields ?? {};
  const hasErrors = Object.keys(errors).length > 0 || Boolean(result?.message);
  const value = section && result?.section === section && result.value !== undefined ? result.value : section ? (view.record as Record<string, unknown>)[section] : undefined;
  const isDraft = view.status === "draft";
  return (
    <>
      <title>{`${hasErrors ? `${t("errorPrefix")} ` : ""}${t(isDraft ? "editTitle" : "ownerTitle", { name })} · ${t("siteName")}`}</title>
      <p>
        <Link to={u.drafts()}>← {t("draftsTitle")}</Link>
      </p>
      <h1>{t(isDraft ? "editTitle" : "ownerTitle", { name })}</h1>
      <p className="muted">
        {view.toolId} · {t("historyRevision", { n: view.number })} · <StatusBadge group="review" value={view.status} />
      </p>
      {saved && !hasErrors && section ? <SavedBanner toolId={view.toolId} section={section} ready={taskList?.ready} /> : null}
      {done === EDIT_INTENTS.submit ? (
        <p className="verified" role="status">
          {view.consultation ? t("editSubmitted", { date: date(view.consultation.closes) }) : t("editSubmittedNoConsultation")}
        </p>
      ) : null}
      {result?.intent === EDIT_INTENTS.submit && Object.keys(errors).length ? <p>{t("editSubmitErrors")}</p> : null}
      <FieldErrorSummary errors={result?.errors} message={result?.message} sectionHref={sectionHref(u, view.toolId)} />

      {isDraft ? (
        <>
          <p className="lead">{t("editIntro")}</p>
          {taskList && !section ? <TaskList list={taskList} /> : null}
          {section && node ? (
            <>
              <p>
                <Link to={u.toolEdit(view.toolId)}>← {t("taskBackToList")}</Link>
              </p>
              <Form method="post" className="stacked-form record-form" noValidate>
                {/* The first submit button is what Enter presses: saving, not adding a row. */}
                <button type="submit" name="intent" value={EDIT_INTENTS.save} className="visually-hidden" tabIndex={-1} aria-hidden="true">
                  {t("editSave")}
                </button>
                <input type="hidden" name="csrf" value={csrf} />
                <input type="hidden" name="section" value={section} />
                <h2>{t(sectionTitleKey(section))}</h2>
                {taskList && !hasErrors ? <SectionProblems list={taskList} section={section} /> : null}
                <FormOptions.Provider value={{ agencies }}>
                  <SectionFields section={section} node={node} value={value} errors={errors} />
                </FormOptions.Provider>
                <button type="submit" name="intent" value={EDIT_INTENTS.save}>
                  {t("editSave")}
                </button>
              </Form>
            </>
          ) : null}
        </>
      ) : (
        <section aria-labelledby="actions-h">
          <h2 id="actions-h">{t("actionsHeading")}</h2>
          <p>
            <Link to={u.tool(view.toolId)}>{t("draftsView")}</Link> · <Link to={u.toolHistory(view.toolId)}>{t("historyLink")}</Link>
          </p>
          {view.responseDue ? (
            <Form method="post" className="stacked-form action-form">
              <input type="hidden" name="csrf" value={csrf} />
              <h3>{t("responseHeading")}</h3>
              <p>{t("responseIntro")}</p>
              <TextPair name="raised" legend={t("responseRaised")} errors={errors} />
              <TextPair name="changed" legend={t("responseChanged")} errors={errors} />
              <button type="submit" name="intent" value={EDIT_INTENTS.respond}>
                {t("responseSubmit")}
              </button>
            </Form>
          ) : null}
          {view.actions.includes("withdraw") ? <SimpleAction csrf={csrf} intent={EDIT_INTENTS.withdraw} label={t("actionWithdraw")} /> : null}
          {view.actions.includes("revise") ? <SimpleAction csrf={csrf} intent={EDIT_INTENTS.revise} label={t("actionRevise")} /> : null}
          {view.actions.includes("request_renewal") ? <SimpleAction csrf={csrf} intent={EDIT_INTENTS.requestRenewal} label={t("actionRenew")} /> : null}
          {view.actions.includes("propose_change") ? (
            <Form method="post" className="stacked-form action-form">
              <input type="hidden" name="csrf" value={csrf} />
              <h3>{t("actionProposeChange")}</h3>
              <div className="field">
                <label htmlFor="kind">{t("changeKind")}</label>
                <select id="kind" name="kind">
                  <option value="purpose">{l("purposeChange", "purpose")}</option>
                  <option value="data_scope">{l("purposeChange", "data_scope")}</option>
                </select>
              </div>
              <TextPair name="change" legend={t("changeText")} errors={errors} />
              <button type="submit" name="intent" value={EDIT_INTENTS.proposeChange}>
                {t("actionProposeChange")}
              </button>
            </Form>
          ) : null}
          {view.actions.includes("retire") && view.record.lifecycle?.deploymentStatus !== "retired" ? (
            <Form method="post" className="stacked-form action-form">
              <input type="hidden" name="csrf" value={csrf} />
              <h3>{t("actionRetire")}</h3>
              <TextPair name="reason" legend={t("retireReason")} errors={errors} />
              <button type="submit" name="intent" value={EDIT_INTENTS.retire}>
                {t("actionRetire")}
              </button>
            </Form>
          ) : null}
        </section>
      )}
    </>
  );
}

function SimpleAction({ csrf, intent, label }: { csrf: string; intent: EditIntent; label: string }) {
  return (
    <Form method="post" className="action-form">
      <input type="hidden" name="csrf" value={csrf} />
      <button type="submit" name="intent" value={intent}>
        {label}
      </button>
    </Form>
  );
}

function TextPair({ name, legend, errors }: { name: string; legend: string; errors: Record<string, string[]> }) {
  const { t } = useT();
  const messages = Object.entries(errors).filter(([k]) => k === name || k.startsWith(`${name}.`)).flatMap(([, v]) => v);
  return (
    <fieldset className={`localized${messages.length ? " has-error" : ""}`}>
      <legend>{legend}</legend>
      {messages.length ? (
        <p className="field-error" id={`f-${name}-error`}>
          {messages.join(" ")}
        </p>
      ) : null}
      <div className="lang-field">
        <label htmlFor={`f-${name}-zh`}>{t("formChinese")}</label>
        <textarea id={`f-${name}-zh`} name={`${name}.zh`} rows={2} lang="zh-Hans" />
      </div>
      <div className="lang-field">
        <label htmlFor={`f-${name}-en`}>{t("formEnglish")}</label>
        <textarea id={`f-${name}-en`} name={`${name}.en`} rows={2} lang="en" />
      </div>
    </fieldset>
  );
}
