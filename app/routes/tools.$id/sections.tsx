// The sections of a record, in the order of the standard. Each part lives in a module of its own
// (sections-purpose, sections-working, sections-lifecycle, sections-sources), built from the
// fields in section-fields.tsx.
import { sectionAnchor, sectionTitleKey, type SectionName } from "../../../registry/standard/sections";
import type { StringKey } from "~/i18n/strings";
import { Identity, Purpose, PurposeHistory, Responsibility } from "./sections-purpose";
import { DataScope, HowItWorks, Oversight } from "./sections-working";
import { Assessments, Incidents, Lifecycle } from "./sections-lifecycle";
import { Sources, WithheldList } from "./sections-sources";
import { ClassesAndRisks, GovernanceSteps, OtherRegisters, hasClassesOrRisks, hasGovernance, hasOtherRegisters } from "./sections-v11";
import { Supply, hasSupply } from "./sections-v11-supply";
import type { ToolRecord } from "../../../registry/standard/v1";

export { WithheldContext } from "./section-fields";

/**
 * The parts of the public record page, in reading order: a section of the record each, with the
 * anchor and title the one list of sections gives it (registry/standard/sections.ts). The
 * participation section (the consultation window) has no part of its own: the comments section
 * announces an open consultation.
 */
const PAGE_PARTS: [Exclude<SectionName, "participation">, () => React.ReactNode][] = [
  ["identity", Identity],
  ["responsibility", Responsibility],
  ["purpose", Purpose],
  ["purposeHistory", PurposeHistory],
  ["howItWorks", HowItWorks],
  ["dataScope", DataScope],
  ["oversight", Oversight],
  ["lifecycle", Lifecycle],
  ["assessments", Assessments],
  ["incidents", Incidents],
  ["withheld", WithheldList],
  ["sources", Sources],
];
type PagePart = { id: string; title: StringKey; Component: () => React.ReactNode; shows?: (r: ToolRecord) => boolean };
const SECTION_PARTS: PagePart[] = PAGE_PARTS.map(([name, Component]) => ({
  id: sectionAnchor(name),
  title: sectionTitleKey(name),
  Component,
}));

/**
 * The record-level fields of standard v1.1 (sections-v11.tsx), after the assessments: each part
 * only on the page of a record that has its fields.
 */
const V11_PARTS: PagePart[] = [
  { id: "classifications-risks", title: "v11ClassesHeading", Component: ClassesAndRisks, shows: hasClassesOrRisks },
  { id: "governance-steps", title: "v11GovernanceHeading", Component: GovernanceSteps, shows: hasGovernance },
  { id: "procurement-models-data", title: "v11SupplyHeading", Component: Supply, shows: hasSupply },
  { id: "other-registers", title: "v11ExternalHeading", Component: OtherRegisters, shows: hasOtherRegisters },
];

const AFTER = SECTION_PARTS.findIndex((s) => s.id === sectionAnchor("assessments")) + 1;
export const SECTIONS: PagePart[] = [...SECTION_PARTS.slice(0, AFTER), ...V11_PARTS, ...SECTION_PARTS.slice(AFTER)];

/** The parts the page of `record` shows, in order. */
export function sectionsFor(record: ToolRecord): PagePart[] {
  return SECTIONS.filter((s) => !s.shows || s.shows(record));
}
