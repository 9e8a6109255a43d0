// The answers of a whole record for the read-only answers view (app/components/check-answers.tsx),
// built in loaders only: the schema walk stays out of the browser bundle.
import { sectionNode } from "../../registry/standard/schema-form";
import { SECTION_NAMES } from "../../registry/standard/sections";
import { answerRows, type SectionAnswers } from "./check-answers";

/** Every section's answers of a record, in the standard's order (the check page, the reviewer's page). */
export function recordAnswers(record: Record<string, unknown>): SectionAnswers[] {
  return SECTION_NAMES.map((n) => ({ name: n, rows: answerRows(n, sectionNode(n), record[n]) }));
}
