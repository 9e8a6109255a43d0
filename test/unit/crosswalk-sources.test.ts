// The published crosswalk against the foreign standards' own field lists (independent check of
// issue 16): every field of the US data dictionary, of the UK ATRS v3.0 template table and of the
// Dutch schema (AlgoritmeVersionContent) and public API list is a row of /standard/crosswalk's
// model, read from the source files themselves, not from the format modules. Each row names a
// place of this standard (or says it is kept as is) and, where the mapping has a note, words it
// in both languages.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";
import { crosswalk } from "../../registry/exchange/interop/crosswalk";
import { NL_API_KEYS } from "../../registry/exchange/interop/nl-1/fields";

const DIR = path.join(ROOT, "test/fixtures/interop");
const read = (p: string) => fs.readFileSync(path.join(DIR, p), "utf8");
const rowsOf = (key: string) => crosswalk().formats.find((f) => f.key === key)!.rows;

/** The source's fields that the crosswalk does not list (empty: every one is listed). */
const missing = (source: string[], listed: string[]) => source.filter((k) => !listed.includes(k));

describe("the crosswalk lists every field of the three standards, as their own files give them", () => {
  it("US: every column of the data dictionary, in its order", () => {
    const cols = [...read("us-omb-2025/data_dictionary.md").matchAll(/^### \d+\) `([^`]+)`/gm)].map((m) => m[1]!);
    expect(cols).toHaveLength(36);
    const listed = rowsOf("omb-2025").map((r) => r.key);
    expect(listed).toEqual(cols);
    // The published file's header says the same.
    const header = read("us-omb-2025/sample_12_rows.csv").replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(",");
    expect(listed).toEqual(header);
  });

  it("UK: every attribute of the v3.0 template table (the second phase keyed tool_phase)", () => {
    const attrs = read("uk-atrs/template_table_v3.md")
      .split("\n")
      .filter((l) => /^\|\s*\d+(\.\d+)*\s*\|/.test(l))
      .map((l) => l.split("|")[2]!.replace(/<br>/g, "").trim());
    expect(attrs.length).toBeGreaterThan(60);
    const keys = attrs.map((a, i) => (a === "phase" && attrs.indexOf("phase") !== i ? "tool_phase" : a));
    expect(missing(keys, rowsOf("atrs-3").map((r) => r.key))).toEqual([]);
    expect(rowsOf("atrs-3")).toHaveLength(keys.length);
  });

  it("NL: every key of AlgoritmeVersionContent, and every key of the public API's list", () => {
    const py = read("nl-algoritmeregister/algoritme_version_schema.py");
    const body = py.slice(py.indexOf("class AlgoritmeVersionContent"), py.indexOf("model_config", py.indexOf("class AlgoritmeVersionContent")));
    const keys = [...body.matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]!);
    expect(keys.length).toBeGreaterThan(50);
    const listed = rowsOf("nl-1").map((r) => r.key);
    expect(missing(keys, listed)).toEqual([]);
    // The keys the register's own files add to a record (its downloads, its export, its API's record).
    for (const cls of ["AlgoritmeVersionDownload", "AlgoritmeVersionDownloadJson", "AlgoritmeVersionExport", "AlgoritmeVersionGetOne", "AlgoritmeVersionQuery"]) {
      const at = py.indexOf(`class ${cls}(AlgoritmeVersionContent):`);
      expect(at, cls).toBeGreaterThan(0);
      const extra = [...py.slice(at, py.indexOf("\n\n\n", at)).matchAll(/^ {4}(\w+):/gm)].map((m) => m[1]!);
      expect(missing(extra, listed), cls).toEqual([]);
    }
    const api = Object.keys((JSON.parse(read("nl-algoritmeregister/sample_1_record.json")) as { algoritmes: Record<string, unknown>[] }).algoritmes[0]!);
    const cells = api.map((k) => NL_API_KEYS.find((a) => a.key === k)?.cell ?? `(no cell for the API's ${k})`);
    expect(missing(cells, listed)).toEqual([]);
  });

  it("every row says where the field goes, and each note is worded in both languages", () => {
    for (const f of crosswalk().formats)
      for (const r of f.rows) {
        expect(["field", "agency", "kept"], `${f.key}.${r.key}`).toContain(r.target.kind);
        if (r.note) expect(Boolean(r.note.en.trim() && r.note.zh.trim() && /[\u4e00-\u9fff]/.test(r.note.zh)), `${f.key}.${r.key}`).toBe(true);
      }
  });
});
