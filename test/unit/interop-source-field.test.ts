// A row's problem names the source field it is about (registry/exchange/interop/import.server.ts
// sourceFieldOf): a cell kept in the extension area, or a mapped field's place in the standard,
// of twins the one the row fills.
import { describe, expect, it } from "vitest";
import { sourceFieldOf } from "../../registry/exchange/interop/import.server";
import { OMB_MAPPING } from "../../registry/exchange/interop/omb-2025/mapping";
import { ATRS_MAPPING } from "../../registry/exchange/interop/atrs-3/mapping";

describe("sourceFieldOf", () => {
  it("names kept cells and mapped places, and nothing for a path no single source field fills", () => {
    expect(sourceFieldOf(OMB_MAPPING, "extensions.us-omb-ai-inventory.problem_solved", {})).toBe("problem_solved");
    expect(sourceFieldOf(OMB_MAPPING, "extensions.us-omb-ai-inventory.not_a_column", {})).toBeUndefined();
    expect(sourceFieldOf(OMB_MAPPING, "purpose.purpose.en", {})).toBe("problem_solved");
    expect(sourceFieldOf(OMB_MAPPING, "responsibility.vendors.0.name.en", {})).toBe("vendor_name");
    expect(sourceFieldOf(OMB_MAPPING, "lifecycle.goLiveDate", {})).toBe("operational_date");
    expect(sourceFieldOf(OMB_MAPPING, "identity.summary.en", {})).toBeUndefined();
    expect(sourceFieldOf(OMB_MAPPING, undefined, {})).toBeUndefined();
    // Twins: the one the row fills.
    expect(sourceFieldOf(ATRS_MAPPING, "identity.name.en", { title: "", name: "A" })).toBe("name");
    expect(sourceFieldOf(ATRS_MAPPING, "identity.name.en", { title: "T", name: "" })).toBe("title");
  });
});

import { ombQuirkNotices } from "../../registry/exchange/interop/omb-2025/format";

describe("the US quirks' lines", () => {
  it("name a line once when two of its cells have the quirk", () => {
    const n = ombQuirkNotices({ missingId: [], repeatedIds: [], missingName: [], unreadableLists: [], formulaLike: [{ line: 61, column: "benefits" }, { line: 61, column: "system_outputs" }, { line: 70, column: "benefits" }], offListChoices: [] });
    expect(n).toEqual([{ code: "interopOmbFormulaLike", params: { count: 3, lines: "61, 70" } }]);
  });
});
