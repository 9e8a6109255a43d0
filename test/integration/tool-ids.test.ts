// Issue 10, finding 2: one imported row with the unused id ALG-999999 made the next new draft of
// every agency ALG-1000000, outside the standard's format, so it could never be saved or
// submitted. Ids kept by an import are stepped over by the counter and never move it.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, importRow as rowFor, newIdentity } from "../helpers/factories";
import { runImport } from "../../registry/exchange/import/import.server";
import { allocateToolId, formatToolId, freeToolIds, isToolId, lowestFreeFrom, TOOL_ID_MAX } from "../../registry/records/ids.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { ctxOf } from "../../registry/shared/context";
import { type SectionName } from "../../registry/standard/sections";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { csvRow, CSV_BOM } from "../../registry/exchange/exports/csv";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const SHANGHAI = "official.shanghai@register.example";
const HANGZHOU = "official.hangzhou@register.example";
const enc = (s: string) => new TextEncoder().encode(s);
const importRow = async (id: string, slug: string) => {
  const row: Record<string, string> = { ...rowFor(slug), id };
  const file = enc(CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]) + csvRow(TOOL_EXPORT_COLUMNS.map((c) => row[c] ?? "")));
  const r = await runImport(ctxOf({ actor: actorByEmail(SHANGHAI), now: NOW }), { file: { bytes: file, filename: "move.csv" }, mode: "all", dryRun: false });
  expect(r.result).toBe("imported");
  expect(r.rows[0]!.id).toBe(id);
};
const highest = () => (getDb().$client.prepare(`SELECT max(CAST(substr(id, 5) AS INTEGER)) AS n FROM tools WHERE id GLOB 'ALG-[0-9]*'`).get() as { n: number }).n;

describe("tool ids", () => {
  it("after an import of ALG-999999, a new draft of another agency is numbered in the format and can be saved and submitted", async () => {
    const before = highest();
    await importRow("ALG-999999", "moved-far");
    const official = actorByEmail(HANGZHOU);
    const { toolId } = await createDraft(ctxOf({ actor: official, now: NOW }), { identity: newIdentity("after-the-import") });
    expect(toolId).toMatch(/^ALG-\d{6}$/);
    expect(toolId).toBe(formatToolId(before + 1));
    await saveDraftSection(ctxOf({ actor: official }), { toolId, section: "identity", value: { ...newIdentity("after-the-import"), id: toolId } });
    for (const [name, value] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01", agency: "hangzhou-health-commission" })))
      await saveDraftSection(ctxOf({ actor: official }), { toolId, section: name as SectionName, value });
    expect(await submitDraft(ctxOf({ actor: official, now: NOW }), { toolId })).toMatchObject({ toolId, revision: 1 });
  });

  it("steps over ids an import kept, and never hands out a taken one", async () => {
    const before = highest();
    await importRow(formatToolId(before + 2), "kept-id");
    const official = actorByEmail(SHANGHAI);
    const first = (await createDraft(ctxOf({ actor: official, now: NOW }), { identity: newIdentity("first-after") })).toolId;
    const second = (await createDraft(ctxOf({ actor: official, now: NOW }), { identity: newIdentity("second-after") })).toolId;
    expect([first, second]).toEqual([formatToolId(before + 1), formatToolId(before + 3)]);
    const next = allocateToolId(getDb());
    expect(next).toBe(formatToolId(before + 4));
    const taken = getDb().$client.prepare(`SELECT count(*) AS n FROM tools WHERE id = ?`).get(next) as { n: number };
    expect(taken.n).toBe(0);
  });

  it("refuses an import row whose id is not in the format", async () => {
    for (const id of ["ALG-0000001", "ALG-1000000000", "ALG-12345"]) {
      const file = enc(CSV_BOM + csvRow([...TOOL_EXPORT_COLUMNS]) + csvRow(TOOL_EXPORT_COLUMNS.map((c) => ({ id, slug: "too-long", name_zh: "x", kind: "app", policy_domain: "other", jurisdiction_level: "city", place_zh: "上海", deployment_status: "pilot", summary_zh: "x" })[c as "id"] ?? "")));
      const r = await runImport(ctxOf({ actor: actorByEmail(SHANGHAI), now: NOW }), { file: { bytes: file }, mode: "all", dryRun: false });
      expect(r.result, id).toBe("refused_invalid_rows");
      expect(r.rows[0]!.errors[0]).toMatchObject({ field: "id" });
    }
  });

  it("numbers past ALG-999999 with seven digits and more, one spelling per number", async () => {
    expect(["ALG-000001", "ALG-999999", "ALG-1000000", "ALG-999999999"].every(isToolId)).toBe(true);
    expect(["ALG-0000001", "ALG-01000000", "ALG-1000000000", "ALG-99999", "alg-000001"].some(isToolId)).toBe(false);
    expect(formatToolId(1_000_000)).toBe("ALG-1000000");
    expect(formatToolId(TOOL_ID_MAX)).toBe("ALG-999999999");
    await importRow("ALG-999998", "near-the-end-1");
    await importRow("ALG-999999", "near-the-end-2");
    // Text order puts ALG-1000000 among the six-digit ids; the walk goes by number.
    expect(lowestFreeFrom(999_998, getDb())).toBe(1_000_000);
    await importRow("ALG-1000000", "past-a-million");
    await importRow("ALG-1000002", "past-a-million-2");
    expect(lowestFreeFrom(999_998, getDb())).toBe(1_000_001);
    expect(lowestFreeFrom(1_000_001, getDb())).toBe(1_000_001);
    expect(lowestFreeFrom(1_000_002, getDb())).toBe(1_000_003);
    // The free ids a foreign import takes are in number order across widths too.
    const near: string[] = [];
    for (const id of freeToolIds(getDb())) {
      const k = Number(id.slice(4));
      if (k >= 999_990) near.push(id);
      if (k > 1_000_003) break;
    }
    expect(near).toEqual(["ALG-999990", "ALG-999991", "ALG-999992", "ALG-999993", "ALG-999994", "ALG-999995", "ALG-999996", "ALG-999997", "ALG-1000001", "ALG-1000003", "ALG-1000004"]);
  });
});
