// A foreign file imported a second time (issue 16): every row already mirrored here (same
// register, agency, id there and name) is a problem of its row, so the register never holds the
// same source record twice; a row that is new is still imported with --valid-only.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { ROOT } from "../helpers/paths";
import { actorByEmail } from "../helpers/factories";
import { importInterop } from "../../registry/exchange/interop/import.server";
import { ctxOf } from "../../registry/shared/context";
import { issueLine } from "../../app/i18n/refusal";
import { importRecords } from "../../registry/exchange/records/import.server";

const SAMPLE = fs.readFileSync(path.join(ROOT, "test/fixtures/interop/us-omb-2025/sample_12_rows.csv"));
const NOW = new Date("2026-12-01T10:00:00Z");
const db = useFreshDb("seeded");
const run = (bytes: Uint8Array, validOnly = false) =>
  importInterop(ctxOf({ actor: actorByEmail("admin@register.example"), now: NOW, db: db() }), { format: "omb-2025", bytes, createAgencies: true, validOnly });
const tools = () => (db().$client.prepare(`SELECT count(*) AS n FROM tools WHERE regime = 'us-omb-ai-inventory'`).get() as { n: number }).n;

describe("importing the same US file again", () => {
  it("refuses every row already mirrored, naming the record, and writes nothing", () => {
    expect(run(SAMPLE).result).toBe("imported");
    expect(tools()).toBe(12);
    const again = run(SAMPLE);
    expect(again.result).toBe("refused");
    expect(again.rows.every((r) => r.problems.length === 1 && r.problems[0]!.code === "err_interop_already_mirrored")).toBe(true);
    const first = again.rows[0]!.problems[0]!;
    expect(issueLine(first, "zh")).toMatch(/^该行已作为 ALG-\d{6} 在本登记簿中/);
    expect(issueLine(first, "en")).toMatch(/already in the register as ALG-\d{6}/);
    expect(tools()).toBe(12);
  });

  it("with --valid-only imports only the rows that are new", () => {
    expect(run(SAMPLE).result).toBe("imported");
    const text = SAMPLE.toString("utf8");
    const lines = text.split("\n");
    // The header, the first row, and a copy of it under another name: one new row.
    const first = lines[1]!;
    const copy = first.replace(/^([^,]*,[^,]*,[^,]*,)("[^"]*"|[^,]*)/, (_, head: string) => `${head}A use case not yet mirrored`);
    expect(copy).not.toBe(first);
    const bytes = new TextEncoder().encode([lines[0], first, copy, ""].join("\n"));
    const before = tools();
    const report = run(bytes, true);
    expect(report.rows.map((r) => r.problems.map((p) => p.code))).toEqual([["err_interop_already_mirrored"], []]);
    expect(report.written.tools).toBe(1);
    expect(tools()).toBe(before + 1);
  });
});

describe("the ids a foreign file gets", () => {
  it("are the register's lowest free numbers, stepping over an id moved in from elsewhere without being pushed by it", () => {
    // A whole record moved in with the last id of the format (as a typo would give).
    const entries = JSON.parse(fs.readFileSync(path.join(ROOT, "test/fixtures/interop/uk-atrs.records.json"), "utf8")) as { id: string; revisions: { record: { identity: { id: string } } }[] }[];
    const moved = entries[0]!;
    moved.id = "ALG-999999";
    for (const r of moved.revisions) r.record.identity.id = "ALG-999999";
    const admin = actorByEmail("admin@register.example");
    expect(importRecords(ctxOf({ actor: admin, now: NOW, db: db() }), { text: JSON.stringify([moved]), createAgencies: true }).result).toBe("imported");
    const highestSeeded = (db().$client.prepare(`SELECT max(id) AS id FROM tools WHERE id < 'ALG-900000'`).get() as { id: string }).id;
    const report = run(SAMPLE);
    expect(report.result).toBe("imported");
    const ids = report.rows.map((r) => r.id!);
    const first = Number(highestSeeded.slice(4)) + 1;
    expect(ids).toEqual(ids.map((_, i) => `ALG-${String(first + i).padStart(6, "0")}`));
  });
});

