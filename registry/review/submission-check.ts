// The one check a draft passes before it may be submitted: the whole record against the standard
// (schema issues) and, from what the draft holds so far, the obligations of its impact level
// (registry/review/obligations.ts). submitDraft refuses on it; the draft's task list
// (task-list.server.ts) shows it section by section before the official gets that far.
import { invalid, zodIssues, type Issue } from "../shared/errors";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import { ToolRecord, type ToolRecordInput } from "../standard/v1";
import { submissionProblems } from "./obligations";

export type SubmissionCheck = {
  /** The record as it would be submitted, or null while the standard refuses it. */
  record: ToolRecord | null;
  /** Where the record does not satisfy the standard (a field missing or invalid). */
  schemaIssues: Issue[];
  /** What the submission rules and the level's obligations find (legal basis, retention, sunset...). */
  problems: Issue[];
  /** The computed impact level, or null until the questionnaire is answered. */
  impact: ImpactResult | null;
};

/** The draft's questionnaire answers, or null until they are given (and valid). */
function answersOf(draft: ToolRecordInput) {
  const parsed = ToolRecord.shape.assessments.safeParse(draft.assessments);
  return parsed.success ? (parsed.data.impact ?? null) : null;
}

/** The draft's impact level from its questionnaire alone, or null until it is answered. */
export function draftImpact(draft: ToolRecordInput): ImpactResult | null {
  const answers = answersOf(draft);
  return answers ? computeImpactLevel(answers) : null;
}

/**
 * Checks a draft for submission on `today` (YYYY-MM-DD). The obligations are checked even while
 * other sections are incomplete, on what the draft holds, so the task list can show them early.
 */
export function checkSubmission(draft: ToolRecordInput, today: string): SubmissionCheck {
  const whole = { ...draft, lifecycle: { ...draft.lifecycle, reviewStatus: "submitted" } };
  const parsed = ToolRecord.safeParse(whole);
  const impact = draftImpact(draft);
  if (parsed.success) return { record: parsed.data, schemaIssues: [], problems: submissionProblems(parsed.data, today), impact };
  // What submissionProblems reads, with an empty value where the draft holds nothing yet.
  const d = draft as Partial<ToolRecordInput>;
  const loose = {
    purpose: { legalBasis: [], nonDigitalAlternative: null, ...d.purpose },
    responsibility: { ...d.responsibility },
    dataScope: { ...d.dataScope, elements: d.dataScope?.elements ?? [] },
    assessments: { documents: [], impact: answersOf(draft) },
    lifecycle: { sunsetDate: null, ...d.lifecycle },
    oversight: { ...d.oversight },
  } as unknown as ToolRecord;
  return { record: null, schemaIssues: zodIssues(parsed.error), problems: submissionProblems(loose, today), impact };
}

/** Throws the refusal of a submission: the schema's issues first, then the rules'; the record otherwise. */
export function requireSubmittable(check: SubmissionCheck): ToolRecord {
  if (!check.record) throw invalid(check.schemaIssues);
  if (check.problems.length) throw invalid(check.problems);
  return check.record;
}
