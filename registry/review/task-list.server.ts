// The draft's task list (GOV.UK "complete multiple tasks"): each section with its status, the
// impact level once the questionnaire is answered (how it was computed, what it requires) and
// whether each obligation is met. Read from the same check that submitDraft refuses on
// (submission-check.ts), so the list and the submission never disagree.
import type { Ctx } from "../shared/context";
import { parseInput } from "../shared/context";
import { RegistryError, type Issue } from "../shared/errors";
import type { ImpactResult } from "../standard/impact";
import { SECTION_NAMES, type SectionName } from "../standard/sections";
import type { ToolRecordInput } from "../standard/v1";
import { ToolInput } from "./drafts.server";
import { guard, impactOf, isoDay, load, relationOf } from "./load.server";
import { consultationWindow } from "./obligations";
import { checkSubmission } from "./submission-check";

export type SectionStatus = "not_started" | "in_progress" | "complete" | "has_problems";

export type TaskSection = {
  name: SectionName;
  status: SectionStatus;
  /** Blank and nothing in it is required: the official may leave it empty. */
  optional: boolean;
  issues: Issue[];
};

export type ObligationKey = "consultation" | "sunset" | "reviewers" | "alternative" | "humanOverride";
export type ObligationCheck = {
  key: ObligationKey;
  /** The number the obligation names (days, months, reviewers), when it has one. */
  n?: number;
  /** Met by the draft, not met, or null when it applies after submission (consultation, review). */
  met: boolean | null;
  /** The section where it is met. */
  section: SectionName | null;
};

export type TaskList = {
  toolId: string;
  number: number;
  sections: TaskSection[];
  /** Null until the questionnaire is answered. */
  impact: (ImpactResult & { answers: Record<string, unknown> }) | null;
  obligations: ObligationCheck[];
  /** Problems of the record as a whole, in no section (e.g. a record over the size limit). */
  recordIssues: Issue[];
  /** Nothing blocks the submission: the official may go on to check the answers. */
  ready: boolean;
};

/** Issue codes of a field the standard requires and the draft does not have yet. */
function isMissing(issue: Issue): boolean {
  if (issue.code === "zod_invalid_type") return Boolean(issue.params?.missing);
  if (issue.code === "zod_too_small") return issue.params?.origin === "string" && Number(issue.params?.minimum) <= 1;
  return false;
}

/** Whether the official entered anything: values the register fills in when it creates a draft do not count. */
export function hasContent(section: SectionName, value: unknown): boolean {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const v = { ...(value as Record<string, unknown>) };
    if (section === "lifecycle") {
      delete v.reviewStatus;
      if (v.deploymentStatus === "proposed") delete v.deploymentStatus;
    }
    if (section === "responsibility") {
      const agencies = v.agencies as { role?: string }[] | undefined;
      if (Array.isArray(agencies) && agencies.length === 1 && agencies[0]?.role === "operates") delete v.agencies;
    }
    return filled(v);
  }
  return filled(value);
}

function filled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === "string") return value.trim() !== "";
  if (typeof value === "number" || typeof value === "boolean") return true;
  if (Array.isArray(value)) return value.some(filled);
  if (typeof value === "object") return Object.values(value).some(filled);
  return false;
}

const inSection = (name: SectionName) => (i: Issue) => i.path === name || Boolean(i.path?.startsWith(`${name}.`));

/** The task list of a draft, from its record and the submission check on `today`. Pure. */
export function taskListOf(toolId: string, number: number, draft: ToolRecordInput, today: string): TaskList {
  const check = checkSubmission(draft, today);
  const issues = [...check.schemaIssues, ...check.problems];
  const sections = SECTION_NAMES.map((name): TaskSection => {
    const own = issues.filter(inSection(name));
    const entered = hasContent(name, (draft as Record<string, unknown>)[name]);
    const status: SectionStatus = !entered ? "not_started" : !own.length ? "complete" : own.every(isMissing) ? "in_progress" : "has_problems";
    return { name, status, optional: !entered && !own.length, issues: own };
  });
  const impact = check.impact;
  const codes = new Set(check.problems.map((i) => i.code));
  const obligations: ObligationCheck[] = [];
  if (impact) {
    const o = impact.obligations;
    if (o.consultationDays) obligations.push({ key: "consultation", n: o.consultationDays, met: null, section: null });
    const sunsetIssue = check.problems.some((i) => i.path === "lifecycle.sunsetDate") || check.schemaIssues.some((i) => i.path === "lifecycle.sunsetDate");
    obligations.push({ key: "sunset", n: o.maxSunsetMonths, met: !sunsetIssue, section: "lifecycle" });
    if (o.nonDigitalAlternativeRequired) obligations.push({ key: "alternative", met: !codes.has("err_alternative_missing"), section: "purpose" });
    if (o.humanOverrideRequired) obligations.push({ key: "humanOverride", met: !codes.has("err_human_override_missing"), section: "oversight" });
    obligations.push({ key: "reviewers", n: o.reviewersRequired, met: null, section: null });
  }
  return {
    toolId,
    number,
    sections,
    impact: impact ? { ...impact, answers: { ...(draft.assessments?.impact ?? {}) } } : null,
    obligations,
    recordIssues: issues.filter((i) => !SECTION_NAMES.some((name) => inSection(name)(i))),
    ready: issues.length === 0,
  };
}

/** The owning official's task list of their draft. */
export async function draftTaskList(ctx: Ctx, query: { toolId: string }): Promise<TaskList> {
  const { actor, now, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
  guard(actor, t, "edit_draft");
  return taskListOf(t.id, t.revision.number, t.revision.record, isoDay(now));
}

export type SubmittedSummary = {
  toolId: string;
  number: number;
  name: ToolRecordInput["identity"]["name"];
  /** False while the latest revision is still a draft (nothing submitted to confirm). */
  submitted: boolean;
  impactLevel: string | null;
  reviewersRequired: number | null;
  consultation: { opens: string; closes: string } | null;
};

/** The owning official's confirmation of a submission: what happens next. */
export async function submittedSummary(ctx: Ctx, query: { toolId: string }): Promise<SubmittedSummary> {
  const { actor, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
  if (relationOf(actor, t) !== "owner_official") throw new RegistryError("forbidden");
  const impact = impactOf(t.revision.record);
  const submittedOn = t.revision.submittedAt?.slice(0, 10) ?? null;
  return {
    toolId: t.id,
    number: t.revision.number,
    name: t.revision.record.identity.name,
    submitted: t.revision.status !== "draft" && submittedOn !== null,
    impactLevel: impact?.level ?? null,
    reviewersRequired: impact?.obligations.reviewersRequired ?? null,
    consultation: submittedOn ? consultationWindow(impact, submittedOn) : null,
  };
}
