import { describe, expect, it } from "vitest";
import { RECORD_SECTIONS, SECTION_NAMES, sectionAnchor, sectionTitleKey } from "../../registry/standard/sections";
import { RECORD_LEVEL_FIELDS, ToolRecord } from "../../registry/standard/v1";
import { SECTION_SCHEMAS } from "../../registry/review/drafts.server";
import { translate } from "~/i18n/strings";

describe("the one list of record sections", () => {
  it("is the record's own sections, each with a schema, a unique anchor and a title in both languages", () => {
    // Fields of the record itself (its version; the record-level fields of version 1.1) are no section.
    const recordKeys = Object.keys(ToolRecord.shape).filter((k) => !(RECORD_LEVEL_FIELDS as readonly string[]).includes(k));
    expect([...SECTION_NAMES].sort()).toEqual(recordKeys.sort());
    expect(Object.keys(SECTION_SCHEMAS).sort()).toEqual([...SECTION_NAMES].sort());
    const anchors = RECORD_SECTIONS.map((s) => s.anchor);
    expect(new Set(anchors).size).toBe(anchors.length);
    for (const name of SECTION_NAMES) {
      for (const lang of ["zh", "en"] as const) expect(translate(lang, sectionTitleKey(name)), name).not.toBe(sectionTitleKey(name));
    }
    // Published anchors stay as they were linked before the list existed.
    expect(sectionAnchor("dataScope")).toBe("data");
    expect(sectionAnchor("purposeHistory")).toBe("purpose-history");
  });
});
