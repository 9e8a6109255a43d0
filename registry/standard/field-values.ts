// How a field's stored value reads to a person: which label group (registry/standard/labels.ts)
// names the values of each enumerated field. Used by the forms, the check-answers page and the
// revision diffs alike, so a value is never shown as its code in one place and named in another;
// and which fields are never shown as answers. No zod here: the browser bundle imports it.
import { fieldName, fieldShape } from "./field-names";
import { label, type LabelGroup } from "./labels";

// Which label group names the values of an enumerated field, by path without row numbers.
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
  "dataScope.securityProtectionLevel": "securityProtectionLevel",
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
export const UNSHOWN_ANSWERS: ReadonlySet<string> = new Set([
  "identity.id",
  "identity.slug",
  "identity.originalLanguage",
  "lifecycle.reviewStatus",
  "sources.key",
  "sources.seedFile",
  "incidents.sources",
  "purposeHistory.sources",
]);

/** The label group of the enumerated field at `path` (row numbers allowed), if it is one. */
export function enumGroupOf(path: string): LabelGroup | undefined {
  const shape = fieldShape(path);
  return Object.hasOwn(ENUM_LABEL_GROUPS, shape) ? ENUM_LABEL_GROUPS[shape] : undefined;
}

/**
 * A stored leaf value of the record as a person reads it: an enumerated code by its label, an
 * item of an enumerated list (path "...mitigations.2") likewise, a withheld field by its name;
 * other values unchanged.
 */
export function valueLabel(path: string, value: unknown, lang: "zh" | "en"): unknown {
  if (typeof value !== "string") return value;
  // A withheld field is named by the field it withholds.
  if (fieldShape(path) === "withheld.field") return fieldName(value, lang) ?? value;
  const group = enumGroupOf(path) ?? enumGroupOf(path.replace(/\.\d+$/, ""));
  return group ? label(group, value, lang) : value;
}
