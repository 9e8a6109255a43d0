import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { callLoader } from "./load";
import { listKnownUnregistered, listReports, resolveReport, submitReport } from "../../registry/voice/reports.server";
import { listEvents, verifyLog } from "../../registry/log/log.server";
import { loader as unregisteredLoader } from "~/routes/unregistered";
import { seedId } from "../helpers/seed";

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
    const r = submitReport(
      "unregistered_tool",
      { toolName: "Campus face-gate", operator: "A district education bureau", place: "District X", description: "Students must pass a face gate.", contactEmail: "me@example.org" },
      { address: "192.0.2.9", now },
    );
    expect(r).toMatchObject({ ok: true });
    const id = (r as { id: number }).id;
    expect(listKnownUnregistered()).toEqual([]);
    expect(listReports(reviewer()).map((x) => [x.id, x.kind, x.contactEmail])).toEqual([[id, "unregistered_tool", "me@example.org"]]);
    resolveReport(admin(), id, "confirm", "Confirmed with the bureau's notice.", now);
    const page = await callLoader<{ tools: { toolName: string; note: string | null }[] }>(unregisteredLoader, "/unregistered");
    expect(page.tools).toEqual([expect.objectContaining({ toolName: "Campus face-gate", note: "Confirmed with the bureau's notice." })]);
    expect(JSON.stringify(page)).not.toContain("me@example.org");
    expect(listEvents().events.at(-1)).toMatchObject({ kind: "report_resolved", actor: "admin", payload: { decision: "confirm" } });
    expect(JSON.stringify(listEvents())).not.toContain("me@example.org");
    expect(verifyLog().ok).toBe(true);
  });

  it("a problem with a record needs a public record, and a dismissal needs a reason", () => {
    expect(submitReport("record_problem", { description: "x" }, { toolId: "ALG-999999", address: "a", now })).toEqual({ ok: false, reason: "not_found" });
    const { id } = submitReport("record_problem", { description: "The trip card data elements omit the phone number." }, { toolId: "alg-000003", address: "a", now }) as { id: number };
    expect(listReports(reviewer())[0]).toMatchObject({ id, toolId: TRIP_CARD, kind: "record_problem" });
    expect(() => resolveReport(reviewer(), id, "dismiss", " ", now)).toThrow(/invalid/);
    resolveReport(reviewer(), id, "dismiss", "Already listed under data scope.", now);
    expect(listReports(reviewer(), "dismissed")).toEqual([expect.objectContaining({ id, resolution: "Already listed under data scope." })]);
    expect(() => resolveReport(reviewer(), id, "confirm", "", now)).toThrow(/wrong_state/);
  });

  it("refuses bad input field by field and stores nothing", () => {
    expect(submitReport("unregistered_tool", { description: "" }, { address: "b", now })).toMatchObject({ reason: "invalid", fields: { toolName: "reportToolNameRequired", description: "reportDescriptionRequired" } });
    expect(submitReport("unregistered_tool", { toolName: "x", description: "y", evidenceUrl: "javascript:alert(1)" }, { address: "b", now })).toMatchObject({ fields: { evidenceUrl: "reportUrlInvalid" } });
    expect(submitReport("record_problem", { description: "y", website: "bot" }, { toolId: HEALTH_CODE, address: "b", now })).toMatchObject({ fields: { website: "commentRejected" } });
    expect(count()).toBe(0);
  });

  it("limits reports per address per minute", () => {
    for (let i = 0; i < 3; i++) expect(submitReport("record_problem", { description: `r${i}` }, { toolId: HEALTH_CODE, address: "c", now }).ok).toBe(true);
    expect(submitReport("record_problem", { description: "r4" }, { toolId: HEALTH_CODE, address: "c", now })).toEqual({ ok: false, reason: "rate_limited" });
  });

  it("keeps the queue from officials and the public", () => {
    for (const a of [actorByEmail("official.shanghai@register.example"), null]) {
      expect(() => listReports(a)).toThrow(/forbidden/);
      expect(() => resolveReport(a, 1, "confirm", "", now)).toThrow(/forbidden/);
    }
  });
});
