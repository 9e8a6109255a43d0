import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as csvLoader } from "~/routes/tools[.]csv";
import { loader as jsonLoader } from "~/routes/tools[.]json";
import { loader as ndjsonLoader } from "~/routes/tools[.]ndjson";
import { loader as listLoader } from "~/routes/tools._index/route";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/tools-export.server";
import { csvCell } from "../../registry/exchange/exports/csv";
import { cleanCsvCell } from "../../registry/exchange/import/read-file";
import { SEED_RECORDS, seedId, seedRecord } from "../helpers/seed";
import { publishRevision } from "../../registry/records/publish.server";
import type { ToolRecordInput } from "../../registry/standard/v1";
import type { ToolList } from "../../registry/records/list.server";
import { ctxOf } from "../../registry/shared/context";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const SUISHEN_CODE = seedId("shanghai-suishen-code");
const TRIP_CARD = seedId("communication-trip-card");
const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");
const WRISTBANDS = seedId("beijing-quarantine-wristbands");

useFreshDb();
const text = async (loader: typeof csvLoader, url: string) => {
  const res = await callLoader<Response>(loader, url);
  // Keep the byte order mark (Response.text() would drop it).
  return { res, body: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer()) };
};
const csv = async (qs = "") => {
  const { res, body } = await text(csvLoader, `/tools.csv${qs}`);
  expect(res.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
  expect(body.startsWith("\uFEFF")).toBe(true);
  return parse(body, { bom: true, columns: true, relax_column_count: false }) as Record<string, string>[];
};
const listIds = async (qs: string) => {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const { list } = await callLoader<{ list: ToolList }>(listLoader, `/tools${qs}${qs ? "&" : "?"}page=${page}`);
    ids.push(...list.items.map((t) => t.id));
    if (page >= list.pageCount) return ids;
  }
};

describe("/tools.csv", () => {
  it("has every row of the view, in the documented column order, readable by an independent parser", async () => {
    const { body } = await text(csvLoader, "/tools.csv");
    expect(body.split("\r\n")[0]).toBe(`\uFEFF${TOOL_EXPORT_COLUMNS.join(",")}`);
    const rows = await csv();
    expect(rows).toHaveLength(SEED_RECORDS.length);
    expect(rows.map((r) => r.id)).toEqual(await listIds(""));
    const trip = rows.find((r) => r.id === TRIP_CARD)!;
    expect(trip).toMatchObject({ name_zh: "通信行程卡", url: `http://localhost/tools/${TRIP_CARD}`, deployment_status: "retired", sunset_state: "retired" });
    // Chinese text with commas and quotes survives.
    expect(rows.find((r) => r.id === HEALTH_CODE)!.summary_zh).toBe(seedRecord("health-code").identity.summary.zh);
  });

  it("applies the same filters and order as the HTML list, and ignores bad values the same way", async () => {
    for (const qs of ["?kind=code_system&status=retired", "?q=红码", "?q=%E6%95%B0%E6%8D%AE&sort=name", "?sensitive=yes&sort=updated", "?kind=nonsense&page=-3"]) {
      const rows = await csv(qs);
      expect(rows.map((r) => r.id), qs).toEqual(await listIds(qs.replace(/&?page=-3/, "")));
    }
  });

  it("neutralises formulas and quotes fields with commas, quotes and newlines", async () => {
    const copy = structuredClone(seedRecord("shanghai-suishen-pai")) as ToolRecordInput;
    copy.identity.id = "ALG-000905";
    copy.identity.slug = "formula-tool";
    copy.identity.name = { en: '=HYPERLINK("http://evil.example","click")', zh: "+SUM(A1:A9)" };
    copy.identity.summary = { en: 'Line one, with "quotes"\nline two', zh: "@cmd" };
    publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
    const row = (await csv()).find((r) => r.id === "ALG-000905")!;
    expect(row.name_en).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row.name_zh).toBe("'+SUM(A1:A9)");
    expect(row.summary_zh).toBe("'@cmd");
    expect(row.summary_en).toBe('Line one, with "quotes"\nline two');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("-5")).toBe("'-5");
  });

  it("gives every text back through the import's reading of a cell, formula-like or not", () => {
    // The 31 real US cells that start with "- " (lists written with dashes), formulas, and text
    // that itself starts with an apostrophe: exported, then read as the import reads a cell.
    const texts = ["- Historical Deviation Logs", "=SUM(A1)", "+1 555", "@cmd", "'=already quoted", "''=twice", "'''-thrice", "'plain apostrophe", "plain"];
    for (const t of texts) {
      const cell = csvCell(t);
      expect(/^[=+\-@]/.test(cell), cell).toBe(false);
      expect(cleanCsvCell(cell).text, t).toBe(t);
    }
  });
});

describe("/tools.json and /tools.ndjson", () => {
  it("hold the same rows as the CSV", async () => {
    const rows = await csv("?q=码");
    const { res, body } = await text(jsonLoader, "/tools.json?q=码");
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const json = JSON.parse(body) as { columns: string[]; total: number; items: Record<string, unknown>[] };
    expect(json.columns).toEqual([...TOOL_EXPORT_COLUMNS]);
    expect(json.total).toBe(rows.length);
    expect(json.items.map((i) => i.id)).toEqual(rows.map((r) => r.id));
    const nd = (await text(ndjsonLoader, "/tools.ndjson?q=码")).body.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(nd).toEqual(json.items);
    expect(nd[0]).toHaveProperty("incident_count");
  });
  it("is valid JSON when nothing matches", async () => {
    const json = JSON.parse((await text(jsonLoader, "/tools.json?q=zzzzzz")).body) as { total: number; items: unknown[] };
    expect(json).toMatchObject({ total: 0, items: [] });
    expect((await text(ndjsonLoader, "/tools.ndjson?q=zzzzzz")).body).toBe("");
  });
});

describe("per-record exports", () => {
  it("/tools/<id>.json is the latest published revision", async () => {
    const { loader } = await import("~/routes/tools-json.$id");
    const res = await callLoader<Response>(loader, `/tools-json/${SUISHEN_CODE}`, { id: SUISHEN_CODE });
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = (await res.json()) as { id: string; revision: number; record: { identity: { name: { zh: string } } } };
    expect(body).toMatchObject({ id: SUISHEN_CODE, revision: 1 });
    expect(body.record.identity.name.zh).toBe("随申码");
    const missing = await callLoader<Response>(loader, "/tools-json/ALG-999999", { id: "ALG-999999" });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: "not_found" });
    const bySlug = await callLoader<Response>(loader, "/tools-json/shanghai-suishen-code", { id: "shanghai-suishen-code" });
    expect(bySlug.status).toBe(301);
    expect(bySlug.headers.get("Location")).toBe(`/tools/${SUISHEN_CODE}.json`);
  });
  it("/tools/<id>/history.json has every revision with its record, decisions and log entries", async () => {
    const { loader } = await import("~/routes/tools.$id_.history[.]json");
    const copy = structuredClone(seedRecord("lucheng-smart-door-sensors")) as ToolRecordInput;
    copy.identity.summary = { en: "Second revision." };
    publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
    const res = await callLoader<Response>(loader, `/tools/${DOOR_SENSORS}/history.json`, { id: DOOR_SENSORS });
    const body = (await res.json()) as { revisions: { number: number; publishedAt: string; record: { identity: { summary: unknown } } }[]; events: { kind: string }[] };
    expect(body.revisions.map((r) => [r.number, r.publishedAt])).toEqual([
      [1, "2026-01-01T00:00:00.000Z"],
      [2, "2026-02-01T00:00:00.000Z"],
    ]);
    expect(body.revisions[1]!.record.identity.summary).toEqual({ en: "Second revision." });
    expect(body.events.map((e) => e.kind)).toEqual(["published_by_editors", "published_by_editors"]);
    expect((await callLoader<Response>(loader, "/tools/ALG-999999/history.json", { id: "ALG-999999" })).status).toBe(404);
  });
});

describe("nested CSV exports", () => {
  const nested = async (path: string, route: string) => {
    const mod = (await import(/* @vite-ignore */ route)) as { loader: typeof csvLoader };
    const { body } = await text(mod.loader, path);
    expect(body.startsWith("\uFEFF")).toBe(true);
    return parse(body, { bom: true, columns: true }) as Record<string, string>[];
  };
  it("data elements, agencies and incidents join the tool list on tool_id", async () => {
    const elements = await nested("/tools/data-elements.csv", "~/routes/tools.data-elements[.]csv");
    const expected = SEED_RECORDS.reduce((n, r) => n + (r.dataScope.elements?.length ?? 0), 0);
    expect(elements).toHaveLength(expected);
    expect(elements.filter((e) => e.tool_id === WRISTBANDS).map((e) => e.name_zh)).toEqual(["心率", "体温", "呼吸频率", "运动状况"]);
    const agencies = await nested("/agencies.csv?kind=code_system", "~/routes/agencies[.]csv");
    const codeSystems = (await csv("?kind=code_system")).map((r) => r.id);
    expect(new Set(agencies.map((a) => a.tool_id))).toEqual(new Set(codeSystems));
    expect(agencies.find((a) => a.tool_id === TRIP_CARD)).toMatchObject({ agency_slug: "miit", role: "operates" });
    const incidents = await nested("/incidents.csv", "~/routes/incidents[.]csv");
    expect(incidents.find((i) => i.tool_id === SUISHEN_CODE)).toMatchObject({ kind: "data_breach", date: "2022-07", people_affected: "48500000" });
  });
  it("comments are published ones only, with replies, and never a contact e-mail", async () => {
    const { postComment, moderateComment, replyToComment } = await import("../../registry/voice/comments.server");
    const { actorByEmail } = await import("../helpers/factories");
    const now = new Date("2026-05-01T00:00:00Z");
    const tricky = 'Published, with "quotes", commas\nand a newline';
    const a = (await postComment(ctxOf({ address: "x", now }), { toolId: SUISHEN_CODE, comment: { body: tricky, contactEmail: "secret@example.org" } })) as { id: number };
    await postComment(ctxOf({ address: "y", now }), { toolId: SUISHEN_CODE, comment: { body: "Still pending" } });
    await moderateComment(ctxOf({ actor: actorByEmail("reviewer.samr@register.example"), now }), { commentId: a.id, decision: "publish", reason: undefined });
    await replyToComment(ctxOf({ actor: actorByEmail("official.shanghai@register.example"), now }), { commentId: a.id, body: "=reply" });
    const rows = await nested("/comments.csv", "~/routes/comments[.]csv");
    expect(rows.map((r) => [r.kind, r.body])).toEqual([
      ["comment", tricky],
      ["reply", "'=reply"],
    ]);
    const { body } = await text((await import("~/routes/comments[.]csv")).loader, "/comments.csv");
    expect(body).not.toContain("secret@example.org");
    expect(body).not.toContain("Still pending");
    expect(await nested("/findings.csv", "~/routes/findings[.]csv")).toEqual([]);
  });
});
