// Every mapped field, edited one at a time through the standard, changes its own cell in the
// foreign export and no other (its twins, fields read into the same place, change with it). Run
// over rows of the whole US inventory, the UK and Dutch fixtures and hand-made full records
// (an independent check of issue 16: the round trip is not a copy of the raw row).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "../helpers/paths";
import { interopFormat, type InteropFormatKey } from "../../registry/exchange/interop/formats";
import { docToRow, rowToDoc, textCodec, valueOf, type Cells, type InteropField } from "../../registry/exchange/interop/mapping";
import { sameJson, setPath } from "../../registry/exchange/interop/path";
import { ATRS_FULL, NL_FULL } from "../helpers/interop-full";

const FIX = path.join(ROOT, "test/fixtures/interop");
const enc = (s: string) => new TextEncoder().encode(s);

function rowsOf(key: InteropFormatKey, bytes: Uint8Array): Cells[] {
  const r = interopFormat(key)!.read(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.notices));
  return r.rows.map((x) => x.cells);
}

/** Edits each mapped field of each row in turn; returns every unexpected change. */
function editEach(key: InteropFormatKey, rows: Cells[], pool: Cells[]): { problems: string[]; edits: number } {
  const m = interopFormat(key)!.mapping;
  const problems: string[] = [];
  let edits = 0;
  const generic = ["Edited text, with “quotes” 编辑", "2020-02", "2021-03-04", "https://edited.example/a"];
  for (const [ri, row] of rows.entries()) {
    for (const f of m.fields) {
      if (!f.to || f.to.startsWith("@agency.")) continue;
      const base = rowToDoc(m, row).doc;
      const before = docToRow(m, base);
      const current = valueOf(base, f);
      const codec = f.codec ?? textCodec();
      const candidates = [...new Set([...pool.map((p) => p[f.key] ?? ""), ...generic])].filter((c) => c !== "");
      let chosen: { cell: string; value: unknown } | null = null;
      for (const cell of candidates) {
        const value = codec.read(cell, { ...row, [f.key]: cell });
        if (value === undefined || sameJson(value, current)) continue;
        if (codec.write(value, base) !== cell) continue;
        chosen = { cell, value };
        break;
      }
      if (!chosen) continue;
      const doc = rowToDoc(m, row).doc;
      setPath(doc.record, f.lang ? `${f.to}.${f.lang}` : f.to, chosen.value);
      for (const [p, v] of Object.entries(f.with ?? {})) setPath(doc.record, p, structuredClone(v));
      const after = docToRow(m, doc, base);
      edits++;
      const twins = new Set(m.fields.filter((g: InteropField) => g.to === f.to && g.lang === f.lang).map((g) => g.key));
      for (const g of m.fields) {
        const changed = after[g.key] !== before[g.key];
        if (twins.has(g.key)) {
          if (after[g.key] !== chosen.cell) problems.push(`row ${ri + 1}: ${f.key} set to ${JSON.stringify(chosen.cell)}: ${g.key} is ${JSON.stringify(after[g.key])}`);
        } else if (changed) problems.push(`row ${ri + 1}: ${f.key} edited, ${g.key} changed too: ${JSON.stringify(before[g.key])} → ${JSON.stringify(after[g.key])}`);
      }
    }
  }
  return { problems, edits };
}

describe("one mapped field edited through the standard changes its own cell only", () => {
  it("US: 120 rows of the whole 2025 inventory, every mapped field", { timeout: 120_000 }, () => {
    const all = rowsOf("omb-2025", fs.readFileSync(path.join(FIX, "us-omb-2025/2025_individually_reported_AI_use_cases.csv")));
    const rows = all.filter((_, i) => i % 30 === 7);
    const { problems, edits } = editEach("omb-2025", rows, all.slice(0, 400));
    expect(edits).toBeGreaterThan(1000);
    expect(problems.slice(0, 30)).toEqual([]);
  });
  it("UK: the two published records and two hand-made full ones", () => {
    const rows = [
      ...rowsOf("atrs-3", fs.readFileSync(path.join(FIX, "uk-atrs/uk-atrs.atrs-3.json"))),
      ...rowsOf("atrs-3", enc(JSON.stringify([ATRS_FULL, { ...ATRS_FULL, title: "", phase: "Beta/Pilot", one_sentence_description: "", organisation_name: "Other Org" }]))),
    ];
    const { problems, edits } = editEach("atrs-3", rows, rows);
    expect(edits).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
  it("NL: the sample, the schema-keyed fixture and hand-made full records", () => {
    const rows = [
      ...rowsOf("nl-1", fs.readFileSync(path.join(FIX, "nl-algoritmeregister/sample_1_record.json"))),
      ...rowsOf("nl-1", fs.readFileSync(path.join(FIX, "nl-algoritmeregister/nl-algoritmeregister.nl-1.json"))),
      ...rowsOf("nl-1", enc(JSON.stringify([NL_FULL, { ...NL_FULL, description_short: null, goal: null }]))),
      ...rowsOf("nl-1", enc(JSON.stringify({ name: "A", organization: "Gemeente X", status: "in_gebruik", lawful_basis: "Wet X", lawful_basis_link: "https://wetten.example/x", provider: "Intern ontwikkeld", begin_date: "2020-01" }))),
    ];
    const { problems, edits } = editEach("nl-1", rows, [...rows, { status: "Buiten gebruik", lang: "nld" } as Cells]);
    expect(edits).toBeGreaterThan(20);
    expect(problems).toEqual([]);
  });
});
