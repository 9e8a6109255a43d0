// The sections of a record, written once: each one's name (its key in the record and in the edit
// form's address, ?section=<name>), the anchor of its part of the public record page (#<anchor>,
// kept as published so old links still land), in the order the edit form lists them. The
// workflow's section schemas, the edit form's menu, the record page and the messages that name a
// section's fields all read this list. No zod here: the browser bundle imports it.
export const RECORD_SECTIONS = [
  { name: "identity", anchor: "identity" },
  { name: "responsibility", anchor: "responsibility" },
  { name: "purpose", anchor: "purpose" },
  { name: "howItWorks", anchor: "how-it-works" },
  { name: "dataScope", anchor: "data" },
  { name: "oversight", anchor: "oversight" },
  { name: "lifecycle", anchor: "lifecycle" },
  { name: "assessments", anchor: "assessment" },
  { name: "participation", anchor: "participation" },
  { name: "incidents", anchor: "incidents" },
  { name: "withheld", anchor: "withheld" },
  { name: "sources", anchor: "sources" },
  { name: "purposeHistory", anchor: "purpose-history" },
] as const;

export type SectionName = (typeof RECORD_SECTIONS)[number]["name"];
export const SECTION_NAMES: readonly SectionName[] = RECORD_SECTIONS.map((s) => s.name);

export function isSectionName(s: unknown): s is SectionName {
  return typeof s === "string" && (SECTION_NAMES as readonly string[]).includes(s);
}

/** The anchor of a section on the public record page. */
export function sectionAnchor(name: SectionName): string {
  return RECORD_SECTIONS.find((s) => s.name === name)!.anchor;
}

/** The interface string key of a section's title (app/i18n: secIdentity, secHowItWorks, ...). */
export function sectionTitleKey<N extends SectionName>(name: N): `sec${Capitalize<N>}` {
  return `sec${name[0]!.toUpperCase()}${name.slice(1)}` as `sec${Capitalize<N>}`;
}
