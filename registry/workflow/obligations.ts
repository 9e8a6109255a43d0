// What a record must hold before it may be submitted, by impact level (DESIGN.md "Impact
// assessment and obligations"), and when a decision may be taken. Pure: the record, the date.
import { addDays } from "../sunset";
import { computeImpactLevel, type ImpactResult } from "../impact";
import type { ToolRecord } from "../standard/v1";

export type FieldErrors = Record<string, string[]>;

/** The date `months` calendar months after `isoDate` (clamped to the month's last day). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Problems that stop a submission, as messages keyed by the field to fix. `today` is the
 * submission date (YYYY-MM-DD). Empty when the record may be submitted.
 */
export function submissionProblems(record: ToolRecord, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const add = (path: string, message: string) => (errors[path] ??= []).push(message);

  if (!record.purpose.legalBasis.length) add("purpose.legalBasis", "Cite at least one legal basis: the law, regulation or document that allows this tool.");
  if (!record.responsibility.contactOffice) add("responsibility.contactOffice", "Name the office that answers the public about this tool.");
  record.dataScope.elements.forEach((e, i) => {
    if (!e.necessity) add(`dataScope.elements.${i}.necessity`, e.sensitive ? "A sensitive data element needs a reason why it is necessary." : "Say why this data element is necessary.");
    if (!e.retention) add(`dataScope.elements.${i}.retention`, "Say how long this data element is kept.");
  });

  const impact = record.assessments.impact ? computeImpactLevel(record.assessments.impact) : null;
  if (!impact) add("assessments.impact", "Answer the impact questionnaire: the level sets the review obligations.");

  const sunset = record.lifecycle.sunsetDate;
  if (!sunset) add("lifecycle.sunsetDate", "Set a sunset date: every tool must end or be renewed through a new review.");
  else if (sunset <= today) add("lifecycle.sunsetDate", "The sunset date must be after the submission date.");
  else if (impact) {
    const latest = addMonths(today, impact.obligations.maxSunsetMonths);
    if (sunset > latest) add("lifecycle.sunsetDate", `At impact level ${impact.level} the sunset date may be at most ${impact.obligations.maxSunsetMonths} months ahead: ${latest} or earlier.`);
  }
  if (impact?.obligations.nonDigitalAlternativeRequired && !record.purpose.nonDigitalAlternative)
    add("purpose.nonDigitalAlternative", `At impact level ${impact.level} a non-digital alternative is required: describe it.`);
  if (impact?.obligations.humanOverrideRequired && !record.oversight.humanOversight)
    add("oversight.humanOversight", `At impact level ${impact.level} a person must make or be able to overturn every adverse decision: describe who and how.`);
  return errors;
}

/** The public consultation window of a submission, if its level requires one. */
export function consultationWindow(impact: ImpactResult | null, submittedOn: string): { opens: string; closes: string } | null {
  if (!impact || impact.obligations.consultationDays === 0) return null;
  // The window includes the submission day; a decision is possible the day after it closes.
  return { opens: submittedOn, closes: addDays(submittedOn, impact.obligations.consultationDays - 1) };
}

export function consultationOpen(window: { closes: string } | null, today: string): boolean {
  return window !== null && today <= window.closes;
}
