// The US federal AI use case inventory of 2025, read whole as OMB publishes it (3,611 rows, UTF-8
// with a byte order mark): every cell comes back as the file has it, the quirks are counted, and
// every list cell is read and written back to the same text.
import fs from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";
import { readOmbCsv } from "../../registry/exchange/interop/omb-2025/read";
import { OMB_2025_COLUMN_NAMES } from "../../registry/exchange/interop/omb-2025/columns";
import { readListCell, writeListCell, pythonRepr } from "../../registry/exchange/interop/list-cell";

const WHOLE = path.join(ROOT, "test/fixtures/interop/us-omb-2025/2025_individually_reported_AI_use_cases.csv");

describe("the whole 2025 US inventory", () => {
  const bytes = fs.readFileSync(WHOLE);
  const read = readOmbCsv(bytes);
  if (!read.ok) throw new Error(JSON.stringify(read.notices));

  it("gives every row and cell as the file has them, but for the apostrophe that keeps a spreadsheet from running a cell", () => {
    // An independent reading with the CSV library's defaults: the same cells, row for row, except
    // the two cells an agency wrote as '- … (an apostrophe before a dash), which read as the text
    // after the apostrophe, as every CSV import of the register reads such cells.
    const plain = parseCsv(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(read.bom).toBe(true);
    expect(read.rows).toHaveLength(3_611);
    expect(read.rows.length).toBe(plain.length);
    const apostrophes: string[] = [];
    read.rows.forEach((r, i) => {
      for (const c of OMB_2025_COLUMN_NAMES) {
        const raw = plain[i]![c]!;
        if (r.cells[c] === raw) continue;
        if (raw.startsWith("'-") && r.cells[c] === raw.slice(1)) apostrophes.push(`${r.line} ${c}`);
        else throw new Error(`line ${r.line}, ${c}: differs`);
      }
    });
    expect(apostrophes).toHaveLength(2);
    expect(read.rows[0]!.line).toBe(2);
  });

  it("counts the quirks the issue names", () => {
    expect(read.quirks.missingId).toHaveLength(704);
    expect(read.quirks.missingName).toHaveLength(1);
    expect(read.quirks.formulaLike).toHaveLength(31);
    expect(read.quirks.unreadableLists).toEqual([]);
    // Repeated (agency, id) pairs, each with the lines it is on (an id alone repeats more often:
    // small agencies number their use cases 1, 2, 3..., which is why the key is the pair).
    expect(read.quirks.repeatedIds.map((r) => `${r.agency} ${r.id} ×${r.lines.length}`)).toEqual(["DOJ DOJ-0357 ×2", "DOJ DOJ-0160 ×2", "STB TBD ×2"]);
    for (const r of read.quirks.repeatedIds) {
      const rows = r.lines.map((l) => read.rows.find((x) => x.line === l)!.cells);
      expect(rows.every((c) => c.agency === r.agency && c.id === r.id)).toBe(true);
    }
    // A row's line is where it starts in the file, also after cells that span several lines.
    const lines = bytes.toString("utf8").split("\n");
    for (const r of [read.rows[0]!, read.rows[2_000]!, read.rows.at(-1)!, ...read.quirks.missingName.map((l) => read.rows.find((x) => x.line === l)!)])
      expect(lines[r.line - 1]!.replace(/^\uFEFF/, "").startsWith(`${r.cells.agency},`), `line ${r.line}`).toBe(true);
    expect(read.rows.at(-1)!.line).toBeGreaterThan(3_611 + 1);
  });

  it("reads every list cell and writes it back to the same text", () => {
    let n = 0;
    for (const r of read.rows)
      for (const c of ["demographic_features", "hi_public_consultation"] as const) {
        const cell = readListCell(r.cells[c]);
        expect(cell.ok, `line ${r.line} ${c}`).toBe(true);
        if (cell.ok) expect(writeListCell(cell.values, "python")).toBe(r.cells[c]);
        n++;
      }
    expect(n).toBe(7_222);
  });
});

describe("files that are not the inventory", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  it("refuses another header, naming what is missing and what is not the inventory's", () => {
    const r = readOmbCsv(enc("agency,name\nDOE,x\n"));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.notices[0]!.code).toBe("interopOmbHeader");
      expect(String(r.notices[0]!.params?.unknown)).toBe("name");
      expect(String(r.notices[0]!.params?.missing)).toContain("use_case_name");
    }
  });
  it("refuses bytes that are not UTF-8, an empty file and a row with too many cells", () => {
    expect(readOmbCsv(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]))).toMatchObject({ ok: false, notices: [{ code: "importNotUtf8" }] });
    expect(readOmbCsv(enc("\uFEFF \n"))).toMatchObject({ ok: false, notices: [{ code: "importFileEmpty" }] });
    const header = OMB_2025_COLUMN_NAMES.join(",");
    expect(readOmbCsv(enc(`${header}\n${"x,".repeat(36)}x\n`))).toMatchObject({ ok: false, notices: [{ code: "importCsvUnreadable" }] });
    expect(readOmbCsv(enc(`${header}\n${"x,".repeat(35)}x\n`))).toMatchObject({ ok: true, bom: false });
  });
});

describe("list cells", () => {
  it("reads Python lists, semicolon lists and empty cells", () => {
    expect(readListCell("[]")).toEqual({ ok: true, values: [], style: "python" });
    expect(readListCell("['a) Race/Ethnicity', 'c) Age']")).toEqual({ ok: true, values: ["a) Race/Ethnicity", "c) Age"], style: "python" });
    expect(readListCell(`["agency's own", 'x\\'y', 'tab\\there']`)).toEqual({ ok: true, values: ["agency's own", "x'y", "tab\there"], style: "python" });
    expect(readListCell("Usability Testing; Public Hearings")).toEqual({ ok: true, values: ["Usability Testing", "Public Hearings"], style: "semicolon" });
    expect(readListCell("")).toEqual({ ok: true, values: [], style: "empty" });
  });

  it("refuses what is not a list of strings", () => {
    for (const bad of ["[1, 2]", "['a'", "['a' 'b']", "[['a']]", "['a'] extra", "['\\q']", `['${"x".repeat(3)}', ${Array.from({ length: 201 }, () => "'v'").join(", ")}]`])
      expect(readListCell(bad).ok, bad).toBe(false);
  });

  it("writes strings as Python's repr() does", () => {
    expect(pythonRepr("plain")).toBe("'plain'");
    expect(pythonRepr("it's")).toBe(`"it's"`);
    expect(pythonRepr(`both ' and "`)).toBe(`'both \\' and "'`);
    expect(pythonRepr("a\\b\nc")).toBe("'a\\\\b\\nc'");
    expect(writeListCell(["a", "b"], "semicolon")).toBe("a;b");
  });
});
