// Which label group (registry/standard/labels.ts) names the values of each enumerated field of
// the record, by path without row numbers, and the fields people never see as answers (set by
// the workflow, or internal keys). For the pages that show a record's answers: the check-answers
// page of a draft (app/components/check-answers.tsx). No zod here: the browser bundle imports it.
import type { LabelGroup } from "./labels";

export const ENUM_LABEL_GROUPS: Record<string, LabelGroup> = {
  "identity.kind": "kind",
  "identity.jurisdiction.level": "jurisdiction",
  "identity.policyDomain": "policyDomain",
  "responsibility.agencies.role": "agencyRole",
  "responsibility.vendors.role": "vendorRole",
  "responsibility.vendors.sourceAccess": "sourceAccess",
  "purpose.mandatory": "mandatory",
  "howItWorks.automation": "automation",
  "dataScope.elements.category": "category",
  "lifecycle.deploymentStatus": "status",
  "assessments.impact.peopleAffected": "peopleAffected",
  "assessments.impact.dataSensitivity": "dataSensitivity",
  "assessments.impact.automation": "automation",
  "assessments.impact.consequence": "consequence",
  "assessments.impact.mitigations": "mitigation",
  "assessments.documents.kind": "assessmentKind",
  "incidents.kind": "incident",
  "sources.kind": "sourceKind",
  "purposeHistory.kind": "purposeChange",
};

/** Fields the workflow sets, and internal keys (the address name, a source's key, its seed file, references to keys). */
export const UNSHOWN_ANSWERS = new Set([
  "identity.id",
  "identity.slug",
  "identity.originalLanguage",
  "lifecycle.reviewStatus",
  "sources.key",
  "sources.seedFile",
  "incidents.sources",
  "purposeHistory.sources",
]);

/** A field's path without row numbers ("dataScope.elements.2.category" -> "dataScope.elements.category"). */
export const pathShape = (path: string) => path.replace(/\.\d+(?=\.|$)/g, "");
