import { describe, expect, it } from "vitest";
import { diffRecords, flatten } from "../../registry/records/diff";

describe("record diff", () => {
  it("flattens to dotted paths, arrays by index", () => {
    expect([...flatten({ a: { b: 1, c: [{ d: "x" }, "y"] }, e: [], f: null })]).toEqual([
      ["a.b", 1],
      ["a.c.0.d", "x"],
      ["a.c.1", "y"],
      ["e", []],
      ["f", null],
    ]);
  });
  it("lists changed, added and removed fields only", () => {
    const before = { identity: { name: { zh: "健康码" } }, lifecycle: { sunsetDate: null }, dataScope: { elements: [{ name: "a" }, { name: "b" }] } };
    const after = { identity: { name: { zh: "健康码", en: "Health code" } }, lifecycle: { sunsetDate: "2027-01-01" }, dataScope: { elements: [{ name: "a" }] } };
    expect(diffRecords(before, after)).toEqual([
      { path: "identity.name.en", before: undefined, after: "Health code" },
      { path: "lifecycle.sunsetDate", before: null, after: "2027-01-01" },
      { path: "dataScope.elements.1.name", before: "b", after: undefined },
    ]);
    expect(diffRecords(after, after)).toEqual([]);
  });
});
