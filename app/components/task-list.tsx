// The draft's task list (GOV.UK "complete multiple tasks"): every section with its status in
// words, the impact level once the questionnaire is answered (how it was computed, what it
// requires and whether each requirement is met), and the way on to "check your answers".
// Data: draftTaskList (registry/review/task-list.server.ts).
import { Link } from "@remix-run/react";
import type { LinksFunction } from "@remix-run/node";
import styles from "../styles-tasklist.css?url";
import type { LabelGroup } from "../../registry/standard/labels";
import { LEVEL_THRESHOLDS } from "../../registry/standard/impact";
import { SECTION_NAMES, sectionTitleKey, type SectionName } from "../../registry/standard/sections";
import type { ObligationCheck, SectionStatus, TaskList as TaskListData } from "../../registry/review/task-list.server";
import { useT } from "~/i18n/use-lang";
import { issueMessage } from "~/i18n/errors";
import type { StringKey } from "~/i18n/strings";

/** The stylesheet of the task list, check answers and confirmation pages (a route's `links`). */
export const taskListLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const STATUS_KEY: Record<SectionStatus, StringKey> = {
  not_started: "taskStatus_not_started",
  in_progress: "taskStatus_in_progress",
  complete: "taskStatus_complete",
  has_problems: "taskStatus_has_problems",
};

/** A status in words, as a GOV.UK tag (complete is plain text, the rest stand out). */
export function StatusTag({ status, id }: { status: SectionStatus; id?: string }) {
  const { t } = useT();
  return (
    <strong id={id} className={`task-tag task-tag-${status.replace("_", "-")}`}>
      {t(STATUS_KEY[status])}
    </strong>
  );
}

export function TaskList({ list }: { list: TaskListData }) {
  const { t, u, lang } = useT();
  const counted = list.sections.filter((s) => !s.optional);
  const done = counted.filter((s) => s.status === "complete").length;
  return (
    <>
      <section aria-labelledby="tasks-h">
        <h2 id="tasks-h">{t("taskListHeading")}</h2>
        <p>{t("taskListProgress", { done, total: counted.length })}</p>
        <ul className="task-list">
          {list.sections.map((s) => (
            <li key={s.name} className="task-list-item">
              <span className="task-list-name">
                <Link to={u.toolEdit(list.toolId, { section: s.name })} aria-describedby={`task-${s.name}-status`}>
                  {t(sectionTitleKey(s.name))}
                </Link>
                {s.optional ? <span className="hint"> {t("taskOptional")}</span> : null}
                {s.status !== "not_started" && s.issues.length ? <span className="task-list-hint">{t("taskProblems", { n: s.issues.length })}</span> : null}
              </span>
              <StatusTag status={s.status} id={`task-${s.name}-status`} />
            </li>
          ))}
        </ul>
        {list.recordIssues.length ? (
          <div className="section-problems">
            <p>{t("taskRecordProblems")}</p>
            <ul>
              {list.recordIssues.map((i, n) => (
                <li key={n}>{issueMessage(i, lang)}</li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
      <ImpactPanel list={list} />
      <section aria-labelledby="continue-h" className="submit-box">
        <h2 id="continue-h">{t("editSubmitHeading")}</h2>
        {list.ready ? (
          <p>
            <Link className="button" to={u.toolEditCheck(list.toolId)}>
              {t("taskContinue")}
            </Link>
          </p>
        ) : (
          <p>{t("taskBlocked")}</p>
        )}
      </section>
    </>
  );
}

/** The computed impact level: how the answers raised it and what it requires. */
export function ImpactPanel({ list }: { list: TaskListData }) {
  const { t, l, u, lang } = useT();
  const impact = list.impact;
  const questionnaire = u.toolEdit(list.toolId, { section: "assessments" });
  if (!impact)
    return (
      <section aria-labelledby="impact-h" className="impact-panel">
        <h2 id="impact-h">{t("taskImpactHeading")}</h2>
        <p>{t("taskImpactPending")}</p>
        <p>
          <Link to={questionnaire}>{t("taskImpactAnswer")}</Link>
        </p>
      </section>
    );
  const raised = impact.parts.filter((p) => p.points > 0);
  const answer = (factor: string) => {
    const v = impact.answers[factor];
    return typeof v === "string" ? l(factor as LabelGroup, v) : null;
  };
  const mitigations = Array.isArray(impact.answers.mitigations) ? (impact.answers.mitigations as string[]) : [];
  const threshold = (level: string) => LEVEL_THRESHOLDS.find(([lv]) => lv === level)![1];
  return (
    <section aria-labelledby="impact-h" className="impact-panel" aria-live="polite">
      <h2 id="impact-h">{t("taskImpactHeading")}</h2>
      <p className="impact-level">
        <strong>{t("taskImpactIs", { level: l("level", impact.level) })}</strong>
      </p>
      <p>{t("taskImpactScore", { raw: impact.rawScore, credit: impact.mitigationCredit, net: impact.netScore })}</p>
      <h3>{t("taskImpactRaisedBy")}</h3>
      {raised.length ? (
        <ul>
          {raised.map((p) => (
            <li key={p.factor}>
              {answer(p.factor) ? t("taskImpactAnswerOf", { factor: l("impactFactor", p.factor), answer: answer(p.factor)! }) : l("impactFactor", p.factor)}{" "}
              <span className="muted">{t("taskImpactPoints", { n: p.points })}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t("taskImpactNoRaise")}</p>
      )}
      {mitigations.length ? (
        <p>
          {t("taskImpactMitigations", { list: mitigations.map((m) => l("mitigation", m)).join(lang === "zh" ? "、" : ", ") })} <span className="muted">−{impact.mitigationCredit}</span>
        </p>
      ) : null}
      <p className="muted">{t("taskImpactThresholds", { ii: threshold("II"), iii: threshold("III"), iv: threshold("IV") })}</p>
      <h3>{t("taskObligationsHeading")}</h3>
      <ul className="obligation-list">
        {list.obligations.map((o) => (
          <Obligation key={o.key} o={o} toolId={list.toolId} />
        ))}
      </ul>
      <p>
        <Link to={questionnaire}>{t("taskImpactChange")}</Link>
      </p>
    </section>
  );
}

const OBLIGATION_TEXT: Record<ObligationCheck["key"], StringKey> = {
  consultation: "oblConsultation",
  sunset: "oblSunset",
  reviewers: "oblReviewers",
  alternative: "oblNonDigital",
  humanOverride: "oblHuman",
};

function Obligation({ o, toolId }: { o: ObligationCheck; toolId: string }) {
  const { t, u } = useT();
  const state = o.met === null ? "later" : o.met ? "met" : "not-met";
  const section = o.section as SectionName | null;
  return (
    <li>
      {t(OBLIGATION_TEXT[o.key], { n: o.n ?? 0 })}{" "}
      <strong className={`task-tag task-tag-${state === "met" ? "complete" : state === "later" ? "not-started" : "has-problems"}`}>
        {t(state === "met" ? "taskObligationMet" : state === "later" ? "taskObligationLater" : "taskObligationNotMet")}
      </strong>
      {o.met === false && section ? (
        <>
          {" "}
          <Link to={u.toolEdit(toolId, { section })}>{t("taskObligationWhere", { section: t(sectionTitleKey(section)) })}</Link>
        </>
      ) : null}
    </li>
  );
}

/** After saving a section: the way back to the task list, and on to the next section. */
export function SavedBanner({ toolId, section, ready }: { toolId: string; section: SectionName; ready?: boolean }) {
  const { t, u } = useT();
  const next = SECTION_NAMES[SECTION_NAMES.indexOf(section) + 1];
  return (
    <div className="verified" role="status">
      <p>{t("formSaved")}</p>
      <p>
        <Link to={u.toolEdit(toolId)}>{t("taskBackToList")}</Link>
        {ready ? (
          <>
            {" · "}
            <Link to={u.toolEditCheck(toolId)}>{t("taskContinue")}</Link>
          </>
        ) : next ? (
          <>
            {" · "}
            <Link to={u.toolEdit(toolId, { section: next })}>{t("taskNextSection", { section: t(sectionTitleKey(next)) })}</Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

/** On a section's page: what the submission check still finds in it (once something is entered). */
export function SectionProblems({ list, section }: { list: TaskListData; section: SectionName }) {
  const { t, lang } = useT();
  const s = list.sections.find((x) => x.name === section);
  if (!s || s.status === "not_started" || !s.issues.length) return null;
  return (
    <div className="section-problems">
      <p>
        <StatusTag status={s.status} /> {t("taskSectionProblems")}
      </p>
      <ul>
        {s.issues.map((i, n) => (
          <li key={n}>{issueMessage(i, lang)}</li>
        ))}
      </ul>
    </div>
  );
}
