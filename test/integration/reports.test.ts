import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { callLoader } from "./load";
import { listKnownUnregistered, listReports, resolveReport, submitReport } from "../../registry/voice/reports.server";
import { listEvents, verifyLog } from "../../registry/log/log.server";
import { loader as unregisteredLoader } from "~/routes/unregistered";
import { seedId } from "../helpers/seed";
import { ctxOf } from "../../registry/shared/context";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const TRIP_CARD = seedId("communication-trip-card");

const getDb = useFreshDb();
const now = new Date("2026-05-01T10:00:00Z");
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const admin = () => actorByEmail("admin@register.example");
const count = () => (getDb().$client.prepare(`SELECT count(*) AS n FROM reports`).get() as { n: number }).n;

describe("public reports", () => {
  it("confirmed unregistered tools appear on the public page; the reporter's e-mail never does", async () => {
    const r = await submitReport(ctxOf({ address: "192.0.2.9", now }), { kind: "unregistered_tool", report: { toolName: "Campus face-gate", operator: "A district education bureau", place: "District X", description: "Students must pass a face gate.", contactEmail: "me@example.org" } });
    expect(r).toMatchObject({ ok: true });
    const id = (r as { id: number }).id;
    expect(await listKnownUnregistered(ctxOf())).toEqual([]);
    expect((await listReports(ctxOf({ actor: reviewer() }), {  })).items.map((x) => [x.id, x.kind, x.contactEmail])).toEqual([[id, "unregistered_tool", "me@example.org"]]);
    await resolveReport(ctxOf({ actor: admin(), now }), { id, decision: "confirm", reason: "Confirmed with the bureau's notice." });
    const page = await callLoader<{ tools: { toolName: string; note: string | null }[] }>(unregisteredLoader, "/unregistered");
    expect(page.tools).toEqual([expect.objectContaining({ toolName: "Campus face-gate", note: "Confirmed with the bureau's notice." })]);
    expect(JSON.stringify(page)).not.toContain("me@example.org");
    expect((await listEvents(ctxOf())).events.at(-1)).toMatchObject({ kind: "report_resolved", actor: "admin", payload: { decision: "confirm" } });
    expect(JSON.stringify(await listEvents(ctxOf()))).not.toContain("me@example.org");
    expect(verifyLog().ok).toBe(true);
  });

  it("a problem with a record needs a public record, and a dismissal needs a reason", async () => {
    expect(await submitReport(ctxOf({ address: "a", now }), { kind: "record_problem", report: { description: "x" }, toolId: "ALG-999999" })).toEqual({ ok: false, reason: "not_found" });
    const { id } = (await submitReport(ctxOf({ address: "a", now }), { kind: "record_problem", report: { description: "The trip card data elements omit the phone number." }, toolId: "alg-000003" })) as { id: number };
    expect((await listReports(ctxOf({ actor: reviewer() }), {  })).items[0]).toMatchObject({ id, toolId: TRIP_CARD, kind: "record_problem" });
    await expect(resolveReport(ctxOf({ actor: reviewer(), now }), { id, decision: "dismiss", reason: " " })).rejects.toThrow(/invalid/);
    await resolveReport(ctxOf({ actor: reviewer(), now }), { id, decision: "dismiss", reason: "Already listed under data scope." });
    expect((await listReports(ctxOf({ actor: reviewer() }), { status: "dismissed" })).items).toEqual([expect.objectContaining({ id, resolution: "Already listed under data scope." })]);
    await expect(resolveReport(ctxOf({ actor: reviewer(), now }), { id, decision: "confirm", reason: "" })).rejects.toThrow(/wrong_state/);
  });

  it("refuses bad input field by field and stores nothing", async () => {
    expect(await submitReport(ctxOf({ address: "b", now }), { kind: "unregistered_tool", report: { description: "" } })).toMatchObject({ reason: "invalid", fields: { toolName: "reportToolNameRequired", description: "reportDescriptionRequired" } });
    expect(await submitReport(ctxOf({ address: "b", now }), { kind: "unregistered_tool", report: { toolName: "x", description: "y", evidenceUrl: "javascript:alert(1)" } })).toMatchObject({ fields: { evidenceUrl: "reportUrlInvalid" } });
    expect(await submitReport(ctxOf({ address: "b", now }), { kind: "record_problem", report: { description: "y", website: "bot" }, toolId: HEALTH_CODE })).toMatchObject({ fields: { website: "commentRejected" } });
    expect(count()).toBe(0);
  });

  it("limits reports per address per minute", async () => {
    for (let i = 0; i < 3; i++) expect((await submitReport(ctxOf({ address: "c", now }), { kind: "record_problem", report: { description: `r${i}` }, toolId: HEALTH_CODE })).ok).toBe(true);
    expect(await submitReport(ctxOf({ address: "c", now }), { kind: "record_problem", report: { description: "r4" }, toolId: HEALTH_CODE })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("keeps the queue from officials and the public", async () => {
    for (const a of [actorByEmail("official.shanghai@register.example"), null]) {
      await expect(listReports(ctxOf({ actor: a }), {  })).rejects.toThrow(/forbidden/);
      await expect(resolveReport(ctxOf({ actor: a, now }), { id: 1, decision: "confirm", reason: "" })).rejects.toThrow(/forbidden/);
    }
  });
});
