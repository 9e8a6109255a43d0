// The names of downloaded files say what was filtered (registry/exchange/exports/filename.ts).
import { describe, expect, it } from "vitest";
import { contentDisposition, exportFilename, MAX_FILTER_CHARS } from "../../registry/exchange/exports/filename";

describe("export file names", () => {
  it("names the filters in facet order, several values joined by +", () => {
    const name = exportFilename("tools", { q: "", sunset: ["lapsed", "no_sunset"], kind: "code_system", sort: "name", page: 1 }, "2026-11-28", "csv");
    expect(name).toEqual({ ascii: "tools-code_system-lapsed+no_sunset-2026-11-28.csv", full: "tools-code_system-lapsed+no_sunset-2026-11-28.csv" });
  });

  it("is the base and the date without filters", () => {
    expect(exportFilename("incidents", { q: "" }, "2026-11-28", "csv").ascii).toBe("incidents-2026-11-28.csv");
  });

  it("takes one value or a list for the agency", () => {
    expect(exportFilename("tools", { agency: "shanghai-health" }, "2026-11-28", "json").ascii).toBe("tools-shanghai-health-2026-11-28.json");
    expect(exportFilename("tools", { agency: ["a", "b"] }, "2026-11-28", "ndjson").ascii).toBe("tools-a+b-2026-11-28.ndjson");
  });

  it("slugs the search words; non-ASCII words only in the full name", () => {
    expect(exportFilename("tools", { q: "Health Code!" }, "2026-11-28", "csv").ascii).toBe("tools-health-code-2026-11-28.csv");
    const zh = exportFilename("tools", { q: "随申码 数据泄露", kind: "app" }, "2026-11-28", "csv");
    expect(zh.ascii).toBe("tools-app-search-2026-11-28.csv");
    expect(zh.full).toBe("tools-app-随申码-数据泄露-2026-11-28.csv");
  });

  it("caps the length of the filters", () => {
    const name = exportFilename("tools", { q: "x".repeat(300), kind: "code_system", category: ["identity", "contact", "location_trajectory", "health", "biometric", "financial"] }, "2026-11-28", "csv");
    expect(name.ascii.length).toBeLessThanOrEqual("tools-".length + MAX_FILTER_CHARS + "-2026-11-28.csv".length);
    expect(name.ascii).toMatch(/^tools-code_system-identity\+contact.*-etc-2026-11-28\.csv$/);
  });

  it("writes the header with an ASCII name and the full name percent-encoded", () => {
    const header = contentDisposition(exportFilename("tools", { q: "随申码" }, "2026-11-28", "csv"));
    expect(header).toBe(`attachment; filename="tools-search-2026-11-28.csv"; filename*=UTF-8''tools-${encodeURIComponent("随申码")}-2026-11-28.csv`);
    expect(contentDisposition({ ascii: 'a"b.csv', full: "a'b.csv" })).toBe(`attachment; filename="a_b.csv"; filename*=UTF-8''a%27b.csv`);
  });
});
