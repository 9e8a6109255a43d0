// The sections of a record, in the order of the standard. Each part lives in a module of its own
// (sections-purpose, sections-working, sections-lifecycle, sections-sources), built from the
// fields in section-fields.tsx.
import { sectionAnchor, sectionTitleKey, type SectionName } from "../../../registry/standard/sections";
import type { StringKey } from "~/i18n/strings";
import { Identity, Purpose, PurposeHistory, Responsibility } from "./sections-purpose";
import { DataScope, HowItWorks, Oversight } from "./sections-working";
import { Assessments, Incidents, Lifecycle } from "./sections-lifecycle";
import { Sources, WithheldList } from "./sections-sources";

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
export const SECTIONS: { id: string; title: StringKey; Component: () => React.ReactNode }[] = PAGE_PARTS.map(([name, Component]) => ({
  id: sectionAnchor(name),
  title: sectionTitleKey(name),
  Component,
}));
