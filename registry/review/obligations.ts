// What a record must hold before it may be submitted, by impact level (DESIGN.md "Impact
// assessment and obligations"), and when a decision may be taken. Pure: the record, the date.
import { addDays } from "../lifecycle/sunset";
import { computeImpactLevel, type ImpactResult } from "../standard/impact";
import type { ToolRecord } from "../standard/v1";
import type { Issue } from "../shared/errors";


/** The date `months` calendar months after `isoDate` (clamped to the month's last day). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

/**
 * Problems that stop a submission, as issue codes on the field to fix (worded in
 * app/i18n/strings-errors.ts). `today` is the submission date (YYYY-MM-DD). Empty when the
 * record may be submitted.
 */
export function submissionProblems(record: ToolRecord, today: string): Issue[] {
  const issues: Issue[] = [];
  const add = (path: string, code: string, params?: Issue["params"]) => issues.push(params ? { code, path, params } : { code, path });

  if (!record.purpose.legalBasis.length) add("purpose.legalBasis", "err_legal_basis_missing");
  if (!record.responsibility.contactOffice) add("responsibility.contactOffice", "err_contact_office_missing");
  record.dataScope.elements.forEach((e, i) => {
    if (!e.necessity) add(`dataScope.elements.${i}.necessity`, e.sensitive ? "err_necessity_sensitive_missing" : "err_necessity_missing");
    if (!e.retention) add(`dataScope.elements.${i}.retention`, "err_retention_missing");
  });

  const impact = record.assessments.impact ? computeImpactLevel(record.assessments.impact) : null;
  if (!impact) add("assessments.impact", "err_impact_missing");

  const sunset = record.lifecycle.sunsetDate;
  if (!sunset) add("lifecycle.sunsetDate", "err_sunset_missing");
  else if (sunset <= today) add("lifecycle.sunsetDate", "err_sunset_past");
  else if (impact) {
    const latest = addMonths(today, impact.obligations.maxSunsetMonths);
    if (sunset > latest) add("lifecycle.sunsetDate", "err_sunset_too_far", { level: impact.level, months: impact.obligations.maxSunsetMonths, latest });
  }
  if (impact?.obligations.nonDigitalAlternativeRequired && !record.purpose.nonDigitalAlternative)
    add("purpose.nonDigitalAlternative", "err_alternative_missing", { level: impact.level });
  if (impact?.obligations.humanOverrideRequired && !record.oversight.humanOversight)
    add("oversight.humanOversight", "err_human_override_missing", { level: impact.level });
  return issues;
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
