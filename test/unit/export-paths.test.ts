// The data dictionary's export columns: every column of every export is either a field of the
// standard (and that field exists) or listed as computed by the register.
import { describe, expect, it } from "vitest";
import { dataDictionary } from "../../registry/standard/json-schema";
import { COMPUTED_EXPORT_COLUMNS, CSV_COLUMNS_BY_PATH, exportLocations } from "../../registry/standard/export-paths";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { NESTED_EXPORTS } from "../../registry/exchange/exports/nested-export.server";

// Nested-file columns that are keys, positions or references rather than fields.
const NESTED_KEYS = new Set(["tool_id", "tool_url", "position", "agency_url", "agency_name_zh", "agency_name_en", "jurisdiction_level"]);
const NESTED_FILES: Record<string, readonly string[]> = {
  "agencies.csv": NESTED_EXPORTS.agencies,
  "tools/data-elements.csv": NESTED_EXPORTS["data-elements"],
  "incidents.csv": NESTED_EXPORTS.incidents,
};

describe("export locations in the data dictionary", () => {
  const paths = new Set(dataDictionary().map((e) => e.path));
  const mapped = (file: string) => new Set(Object.values(CSV_COLUMNS_BY_PATH).filter((l) => l.file === file).flatMap((l) => l.columns));

  it("maps only fields that exist in the standard", () => {
    for (const path of Object.keys(CSV_COLUMNS_BY_PATH)) expect(paths.has(path), path).toBe(true);
  });

  it("accounts for every column of /tools.csv", () => {
    const known = mapped("tools.csv");
    for (const c of TOOL_EXPORT_COLUMNS) expect(known.has(c) || c in COMPUTED_EXPORT_COLUMNS, c).toBe(true);
  });

  it("accounts for every column of the nested files", () => {
    for (const [file, columns] of Object.entries(NESTED_FILES)) {
      const known = mapped(file);
      for (const c of columns) expect(known.has(c) || NESTED_KEYS.has(c), `${file} ${c}`).toBe(true);
    }
  });

  it("gives JSON paths in the record and keys in the list rows", () => {
    expect(exportLocations("identity.name", true)).toEqual({
      csv: { file: "tools.csv", columns: ["name_zh", "name_en"] },
      listJsonKeys: ["name_zh", "name_en"],
      recordJsonPath: "$.record.identity.name.zh / .en",
    });
    expect(exportLocations("dataScope.elements[].category", false)).toMatchObject({ listJsonKeys: [], recordJsonPath: "$.record.dataScope.elements[*].category" });
    expect(exportLocations("purpose.legalBasis", false).csv).toBeNull();
  });
});
