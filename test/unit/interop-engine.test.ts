// The crosswalk engine of issue 16 without a database: record paths (registry/exchange/interop/path.ts),
// the codecs of the foreign formats (codecs.ts, mapping.ts) and the kept-as-published rule of
// mapping.ts, on the US inventory's own mapping table and on a small table made here.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";
import { getPath, setPath, unsetPath, stepsOf, sameJson } from "../../registry/exchange/interop/path";
import { answerCodec, isoDayCodec, readLooseDate, stepsAnswerCodec } from "../../registry/exchange/interop/codecs";
import { choiceCodec, docToRow, rowToDoc, textCodec, urlCodec, type Cells, type InteropDoc, type InteropMapping } from "../../registry/exchange/interop/mapping";
import { OMB_MAPPING } from "../../registry/exchange/interop/omb-2025/mapping";
import { OMB_2025 } from "../../registry/exchange/interop/omb-2025/format";

const doc0 = (): InteropDoc => ({ record: {}, agency: null });

describe("record paths", () => {
  it("get, set and unset with keys, list positions and list items chosen by a key", () => {
    const r: Record<string, unknown> = {};
    setPath(r, "a.b", 1);
    setPath(r, "list[1].x", "second");
    setPath(r, "ids[register=uk-atrs].id", "42");
    setPath(r, "ids[register=nl].id", "7");
    expect(r).toEqual({ a: { b: 1 }, list: [{}, { x: "second" }], ids: [{ register: "uk-atrs", id: "42" }, { register: "nl", id: "7" }] });
    expect(getPath(r, "a.b")).toBe(1);
    expect(getPath(r, "list[1].x")).toBe("second");
    expect(getPath(r, "list[0].x")).toBeUndefined();
    expect(getPath(r, "list[5].x")).toBeUndefined();
    expect(getPath(r, "ids[register=nl].id")).toBe("7");
    expect(getPath(r, "ids[register=none].id")).toBeUndefined();
    expect(getPath(r, "a.b.c")).toBeUndefined();
    // A whole matched item keeps its key; an existing one is replaced in place.
    setPath(r, "ids[register=nl]", { id: "8" });
    expect(r.ids).toEqual([{ register: "uk-atrs", id: "42" }, { register: "nl", id: "8" }]);
    unsetPath(r, "ids[register=uk-atrs]");
    expect(r.ids).toEqual([{ register: "nl", id: "8" }]);
    unsetPath(r, "list[0]");
    expect(r.list).toEqual([{ x: "second" }]);
    unsetPath(r, "a.b");
    expect(r.a).toEqual({});
    unsetPath(r, "not.there[3].x"); // left alone
    expect(Object.keys(r).sort()).toEqual(["a", "ids", "list"]);
  });

  it("reads only own keys: an inherited name is not a value", () => {
    expect(getPath({}, "toString")).toBeUndefined();
    expect(getPath({ a: {} }, "a.hasOwnProperty")).toBeUndefined();
  });

  it.each(["", ".", "a.", ".a", "a..b", "a[0]b", "a.[0]", "a[]", "a[x]", "a[=v]", "a[k=]", "a[0", "a]", "a[k=v]]"])("refuses the malformed path %j", (p) => {
    expect(() => stepsOf(p)).toThrow(/Malformed record path/);
    expect(() => setPath({}, p, 1)).toThrow(/Malformed record path/);
  });

  it.each(["__proto__", "a.__proto__", "a.__proto__.polluted", "constructor.prototype", "list[0].constructor", "a.prototype", "list[__proto__=x].b", "list[constructor=x]"])("refuses %j and pollutes nothing", (p) => {
    const r: Record<string, unknown> = { a: {}, list: [{}] };
    expect(() => setPath(r, `${p}`, { polluted: true })).toThrow(/Malformed record path/);
    expect(() => getPath(r, p)).toThrow(/Malformed record path/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("sameJson ignores key order and undefined keys, not values", () => {
    expect(sameJson({ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson({ a: 1 }, { a: "1" })).toBe(false);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
  });
});

describe("dates as the US inventory writes them", () => {
  it.each([
    ["2019-01-02 00:00:00", "2019-01-02"],
    ["2019-01-02", "2019-01-02"],
    ["10/1/2021", "2021-10-01"],
    ["10/01/2021 12:00:00 AM", "2021-10-01"],
    ["1/2/2024 0:00", "2024-01-02"],
    ["08/2023", "2023-08"],
    ["Sep-23", "2023-09"],
    ["sep-23", "2023-09"],
    ["2024", "2024"],
    ["2024-03", "2024-03"],
    [" 2024 ", "2024"],
    ["2/29/2024", "2024-02-29"],
  ])("reads %j as %j", (cell, want) => {
    expect(readLooseDate(cell)).toBe(want);
  });

  it.each(["2/30/2024", "2/29/2023", "13/1/2024", "0/1/2024", "4/31/2024", "2024-02-30", "2024-13-01", "13/2023", "00/2023", "Abc-23", "1800", "3000", "2024-13", "TBD", "", "FY2024", "2024/01/02", "10/1/21", "Q3 2023"])(
    "does not guess %j",
    (cell) => {
      expect(readLooseDate(cell)).toBeUndefined();
    },
  );

  it("every operational_date of the whole 2025 file is either read or kept as published, never lost", () => {
    const read = OMB_2025.read(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/2025_individually_reported_AI_use_cases.csv")));
    if (!read.ok) throw new Error("file refused");
    const shapes = new Set<string>();
    let unread = 0;
    for (const r of read.rows) {
      const cell = r.cells.operational_date ?? "";
      if (!cell) continue;
      shapes.add(cell.replace(/\d/g, "9").replace(/[A-Za-z]{3}-/, "Mmm-"));
      if (readLooseDate(cell) === undefined) unread++;
    }
    // The shapes named in the codec's comment are all in the file; the ones it cannot read are few.
    for (const s of ["9999-99-99 99:99:99", "99/9/9999", "99/99/9999 99:99:99 AM", "9/9/9999 9:99", "99/9999", "Mmm-99", "9999"]) expect(shapes, s).toContain(s);
    expect(unread).toBeLessThan(20);
  });

  it("an ISO day only, a real day", () => {
    const c = isoDayCodec();
    expect(c.read("2024-02-29", {})).toBe("2024-02-29");
    expect(c.read("2023-02-29", {})).toBeUndefined();
    expect(c.read("2024-02", {})).toBeUndefined();
    expect(c.write("2024-02-29", doc0())).toBe("2024-02-29");
  });
});

describe("governance answers", () => {
  const review = answerCodec({ "In-progress": "in_progress" }, ["Internal Independent Review", "Oversight Board Review"]);
  const testing = answerCodec({ Yes: "done", "In-progress": "in_progress", "Not Applicable": "not_applicable" });

  it("reads a choice as a status and a detailed value as done with its detail, and writes both back", () => {
    expect(testing.read("Yes", {})).toEqual({ status: "done" });
    expect(testing.read("Not Applicable", {})).toEqual({ status: "not_applicable" });
    expect(review.read("Oversight Board Review", {})).toEqual({ status: "done", detail: { en: "Oversight Board Review" } });
    expect(review.read("In-progress", {})).toEqual({ status: "in_progress" });
    for (const cell of ["Yes", "In-progress", "Not Applicable"]) expect(testing.write(testing.read(cell, {}), doc0())).toBe(cell);
    for (const cell of ["Internal Independent Review", "Oversight Board Review", "In-progress"]) expect(review.write(review.read(cell, {}), doc0())).toBe(cell);
  });

  it("does not read a value outside its table (kept as published), nor an inherited name", () => {
    expect(testing.read("CAIO Waived", {})).toBeUndefined();
    expect(testing.read("yes", {})).toBeUndefined();
    expect(testing.read("toString", {})).toBeUndefined();
    expect(testing.read("constructor", {})).toBeUndefined();
  });

  it("writes an answer the foreign format has no value for as its nearest value, or empty", () => {
    // A review done with another detail (edited in this register) is the first kind of review.
    expect(review.write({ status: "done", detail: { en: "Reviewed by a panel" } }, doc0())).toBe("Internal Independent Review");
    expect(testing.write({ status: "not_started" }, doc0())).toBe("");
    expect(testing.write(undefined, doc0())).toBe("");
  });

  it("steps of a consultation: a list of steps is done, in-progress alone is in progress, anything else is not read", () => {
    const c = stepsAnswerCodec(["Usability Testing", "Public Hearings", "Other"], "In-progress");
    expect(c.read("['Usability Testing', 'Public Hearings']", {})).toEqual({ status: "done", detail: { en: "Usability Testing; Public Hearings" } });
    expect(c.read("['In-progress']", {})).toEqual({ status: "in_progress" });
    expect(c.read("['In-progress', 'Usability Testing']", {})).toBeUndefined();
    expect(c.read("['Something else']", {})).toBeUndefined();
    expect(c.read("[]", {})).toBeUndefined();
    expect(c.read("['unclosed", {})).toBeUndefined();
    expect(c.write(c.read("['Usability Testing', 'Public Hearings']", {}), doc0())).toBe("['Usability Testing', 'Public Hearings']");
    expect(c.write({ status: "in_progress" }, doc0())).toBe("['In-progress']");
    expect(c.write({ status: "not_applicable" }, doc0())).toBe("");
  });
});

describe("text, choice and address codecs", () => {
  it("text is trimmed and bounded; a choice is one of its table; an address is http(s) only", () => {
    expect(textCodec(5).read(" abc ", {})).toBe("abc");
    expect(textCodec(5).read("abcdef", {})).toBeUndefined();
    expect(textCodec().read("   ", {})).toBeUndefined();
    const ch = choiceCodec({ Yes: "done", Deployed: "in_use" });
    expect(ch.read("Deployed", {})).toBe("in_use");
    expect(ch.read("__proto__", {})).toBeUndefined();
    expect(ch.write("in_use", doc0())).toBe("Deployed");
    expect(ch.write("suspended", doc0())).toBe("");
    const u = urlCodec();
    expect(u.read("https://example.org/a", {})).toBe("https://example.org/a");
    for (const bad of ["javascript:alert(1)", "ftp://example.org", "example.org", "https://"]) expect(u.read(bad, {})).toBeUndefined();
  });
});

// A small format: one text, one choice, one required text the mapping fills, one field with no home.
const SMALL: InteropMapping = {
  register: "test-register",
  fields: [
    { key: "name", to: "identity.name", lang: "en" },
    { key: "stage", to: "lifecycle.deploymentStatus", codec: choiceCodec({ Live: "in_use", Trial: "pilot" }) },
    { key: "summary", to: "identity.summary", lang: "en" },
    { key: "misc", to: null },
  ],
  base: () => ({ record: { identity: {}, lifecycle: {} }, agency: null }),
  complete: (doc) => {
    const id = doc.record.identity as Record<string, Record<string, string>>;
    if (!doc.record.lifecycle || !(doc.record.lifecycle as Record<string, unknown>).deploymentStatus) setPath(doc.record, "lifecycle.deploymentStatus", "not_stated");
    if (!id.summary?.en) setPath(doc.record, "identity.summary.en", id.name?.en ?? "unnamed");
  },
  sourceUrl: () => "https://example.org",
  slug: () => "x",
};

describe("kept as published (mapping.ts)", () => {
  it("an unedited record gives back every cell, including the ones the standard cannot hold", () => {
    const rows: Cells[] = [
      { name: "Tool", stage: "Live", summary: "Short.", misc: "anything" },
      { name: "  Tool with spaces  ", stage: "Retired (2019)", summary: "", misc: "" },
      { name: "", stage: "", summary: "", misc: "" },
    ];
    for (const row of rows) expect(docToRow(SMALL, rowToDoc(SMALL, row).doc)).toEqual(row);
  });

  it("a mapped cell lands in the standard's field; one the standard cannot hold is kept in the extension area", () => {
    const { doc, landed } = rowToDoc(SMALL, { name: "Tool", stage: "Retired (2019)", summary: "", misc: "x" });
    expect(getPath(doc.record, "identity.name.en")).toBe("Tool");
    expect(landed).toEqual({ name: "identity.name", stage: "kept", summary: null, misc: "kept" });
    expect(doc.record.extensions).toEqual({ "test-register": { stage: "Retired (2019)", misc: "x", summary: "" } });
    // The required status the source does not give is filled for the standard, and said so.
    expect(getPath(doc.record, "lifecycle.deploymentStatus")).toBe("not_stated");
  });

  it("an edited mapped field is written from the standard; the other cells stay as published", () => {
    const { doc } = rowToDoc(SMALL, { name: "  Tool  ", stage: "Retired (2019)", summary: "Short.", misc: "x" });
    setPath(doc.record, "lifecycle.deploymentStatus", "pilot");
    expect(docToRow(SMALL, doc)).toEqual({ name: "  Tool  ", stage: "Trial", summary: "Short.", misc: "x" });
    setPath(doc.record, "identity.name.en", "Renamed");
    expect(docToRow(SMALL, doc)).toEqual({ name: "Renamed", stage: "Trial", summary: "Short.", misc: "x" });
  });

  it("an off-list value survives while the record says the same, and gives way when it is edited", () => {
    const { doc } = rowToDoc(SMALL, { name: "Tool", stage: "Sunsetting", summary: "", misc: "" });
    expect(docToRow(SMALL, doc).stage).toBe("Sunsetting");
    // The standard holds no status for it (not stated); stating one writes it from the standard.
    setPath(doc.record, "lifecycle.deploymentStatus", "in_use");
    expect(docToRow(SMALL, doc).stage).toBe("Live");
  });

  it("a required field the mapping filled comes back empty, and filled by hand comes back as written", () => {
    const { doc } = rowToDoc(SMALL, { name: "Tool", stage: "Live", summary: "", misc: "" });
    expect(getPath(doc.record, "identity.summary.en")).toBe("Tool");
    expect(docToRow(SMALL, doc).summary).toBe("");
    setPath(doc.record, "identity.summary.en", "Written by an editor.");
    expect(docToRow(SMALL, doc).summary).toBe("Written by an editor.");
  });

  it("the US mapping: an unedited row of the sample comes back cell for cell; an edited purpose changes that cell only", () => {
    const read = OMB_2025.read(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv")));
    if (!read.ok) throw new Error("file refused");
    expect(read.rows).toHaveLength(12);
    for (const r of read.rows) {
      const { doc } = rowToDoc(OMB_MAPPING, r.cells);
      expect(docToRow(OMB_MAPPING, doc)).toEqual(r.cells);
      setPath(doc.record, "purpose.purpose.en", "A new purpose.");
      const out = docToRow(OMB_MAPPING, doc);
      const changed = Object.keys(r.cells).filter((k) => out[k] !== r.cells[k]);
      expect(changed).toEqual(["problem_solved"]);
      expect(out.problem_solved).toBe("A new purpose.");
    }
  });

  it("the US mapping writes a record's method into the AI classification column only when it is one of the inventory's classifications", () => {
    const read = OMB_2025.read(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv")));
    if (!read.ok) throw new Error("file refused");
    const { doc } = rowToDoc(OMB_MAPPING, read.rows.find((r) => r.cells.classification === "Classical ML")!.cells);
    expect(docToRow(OMB_MAPPING, doc).classification).toBe("Classical ML");
    setPath(doc.record, "howItWorks.method.en", "Generative AI");
    expect(docToRow(OMB_MAPPING, doc).classification).toBe("Generative AI");
    // A method described in this register's words is no value of the inventory's choice column.
    setPath(doc.record, "howItWorks.method.en", "Big data and artificial intelligence.");
    expect(docToRow(OMB_MAPPING, doc).classification).toBe("");
    // An off-list classification the source published still comes back as published.
    const offList = { ...read.rows[0]!.cells, classification: "Expert system" };
    expect(docToRow(OMB_MAPPING, rowToDoc(OMB_MAPPING, offList).doc).classification).toBe("Expert system");
  });
});
