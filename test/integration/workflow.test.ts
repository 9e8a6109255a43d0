import { RegistryError } from "../../registry/shared/errors";
import { CJK, worded } from "./worded";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { DEMO_ACCOUNTS, seedId } from "../helpers/seed";
import { createUser } from "../../registry/auth/accounts.server";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { retireTool } from "../../registry/lifecycle/retire.server";
import { startRevision, submitDraft, withdraw } from "../../registry/review/submission.server";
import { CRITERIA } from "../../registry/review/review-terms";
import { type SectionName } from "../../registry/standard/sections";
import { listTools } from "../../registry/records/list.server";
import { getToolDetail } from "../../registry/records/detail.server";
import { listEvents, verifyLog } from "../../registry/log/log.server";
import { parseToolQuery } from "../../registry/records/query";
import type { Actor } from "../../registry/auth/roles";
import { ctxOf } from "../../registry/shared/context";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");

const getDb = useFreshDb();
const email = (role: string, agency?: string) => DEMO_ACCOUNTS.find((a) => a.role === role && (!agency || a.agency === agency))!.email;
const official = () => actorByEmail(email("official", "shanghai-municipal-government"));
const otherOfficial = () => actorByEmail(email("official", "hangzhou-health-commission"));
const reviewer = () => actorByEmail(email("reviewer", "samr"));
const reviewer2 = () => actorByEmail(email("reviewer", "zhejiang-provincial-government"));
const admin = () => actorByEmail(email("admin"));

const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);

function counts() {
  const db = getDb().$client;
  return {
    revisions: (db.prepare(`SELECT count(*) AS n FROM revisions`).get() as { n: number }).n,
    events: (db.prepare(`SELECT count(*) AS n FROM events`).get() as { n: number }).n,
    reviews: (db.prepare(`SELECT count(*) AS n FROM reviews`).get() as { n: number }).n,
    findings: (db.prepare(`SELECT count(*) AS n FROM findings`).get() as { n: number }).n,
  };
}

async function expectError(fn: () => unknown, code: RegistryError["code"], field?: string) {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    expect((e as RegistryError).code).toBe(code);
    if (field) expect(Object.keys((e as RegistryError).fields)).toContain(field);
    return e as RegistryError;
  }
  throw new Error(`expected a ${code} RegistryError`);
}

async function draftTool(level: "III" | "IV", sunset = level === "III" ? "2027-02-01" : "2026-08-01", slug?: string): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity(slug) });
  const sections = completeSections({ level, sunset });
  for (const [name, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: name as SectionName, value });
  return toolId;
}

/** The agency's response to the closed consultation, required before a level III+ decision. */
async function respond(toolId: string, at = day(30)) {
  await postConsultationResponse(ctxOf({ actor: official(), now: at }), { toolId, raised: { en: "Residents asked about retention." }, changed: { en: "Retention shortened to one year." } });
}

async function findAll(actor: Actor, toolId: string, at: Date, opts: { condition?: boolean; notMet?: boolean } = {}) {
  for (const criterion of CRITERIA) {
    const condition = opts.condition && criterion === 3;
    const finding = {
      criterion,
      rating: condition || (opts.notMet && criterion === 2) ? (opts.notMet && criterion === 2 ? "not_met" : "partly_met") : "met",
      severity: condition || (opts.notMet && criterion === 2) ? "medium" : undefined,
      condition: condition ? "Publish the vendor's data-access terms." : undefined,
      conditionDeadline: condition ? "2026-06-30" : undefined,
    };
    await recordFinding(ctxOf({ actor, now: at }), { toolId, finding });
  }
}

describe("an official's draft", () => {
  it("gets the next public id, is private, and is saved section by section", async () => {
    const before = counts();
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity() });
    expect(toolId).toBe("ALG-000023");
    expect(await getToolDetail(ctxOf(), { idOrSlug: toolId })).toBeNull();
    expect((await listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams("")).query })).total).toBe(22);
    expect(counts().events).toBe(before.events);
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: { en: "To allocate permits." }, legalBasis: [] } });
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.purpose).toMatchObject({ purpose: { en: "To allocate permits." } });
  });
  it("keeps other agencies, reviewers, admins and the public out", async () => {
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity() });
    for (const actor of [otherOfficial(), reviewer(), admin(), null]) {
      await expectError(() => getDraft(ctxOf({ actor }), { toolId }), "forbidden");
      await expectError(() => saveDraftSection(ctxOf({ actor }), { toolId, section: "purpose", value: { purpose: { en: "x" } } }), "forbidden");
      await expectError(() => submitDraft(ctxOf({ actor, now: D0 }), { toolId }), "forbidden");
    }
    for (const actor of [reviewer(), admin(), null]) await expectError(() => createDraft(ctxOf({ actor, now: D0 }), { identity: newIdentity("other-slug") }), "forbidden");
  });
  it("refuses a bad section with field messages and keeps the saved one", async () => {
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity() });
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: { en: "Kept." }, legalBasis: [] } });
    const e = await expectError(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: {}, legalBasis: [{ citation: "" }] } }), "invalid");
    expect(Object.keys(e.fields)).toEqual(expect.arrayContaining(["purpose.purpose", "purpose.legalBasis.0.citation"]));
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.purpose).toMatchObject({ purpose: { en: "Kept." } });
    await expectError(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "identity", value: { ...newIdentity(), id: HEALTH_CODE } }), "invalid", "identity.id");
    await expectError(() => createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity("health-code") }), "invalid", "identity.slug");
  });
});

describe("submission", () => {
  it("refuses a record that breaks its level's obligations, says what to fix, and writes nothing", async () => {
    const toolId = await draftTool("III", "2028-01-01");
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: { en: "To allocate permits." }, legalBasis: [] } });
    const sections = completeSections({ level: "III", sunset: "2028-01-01" });
    const value = { ...sections.dataScope, elements: [{ ...sections.dataScope.elements![0]!, necessity: undefined }] };
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "dataScope", value });
    const before = counts();
    const e = await expectError(() => submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId }), "invalid");
    expect(e.fields).toMatchObject({
      "purpose.legalBasis": ["err_legal_basis_missing"],
      "dataScope.elements.0.necessity": ["err_necessity_sensitive_missing"],
      "lifecycle.sunsetDate": ["err_sunset_too_far"],
      "purpose.nonDigitalAlternative": ["err_alternative_missing"],
    });
    expect(worded(e, "purpose.legalBasis", "en")).toContain("legal basis");
    expect(worded(e, "purpose.legalBasis", "zh")).toContain("法律依据");
    expect(worded(e, "dataScope.elements.0.necessity", "en")).toContain("sensitive");
    expect(worded(e, "dataScope.elements.0.necessity", "zh")).toContain("敏感");
    expect(worded(e, "lifecycle.sunsetDate", "en")).toContain("12 months");
    expect(worded(e, "lifecycle.sunsetDate", "zh")).toContain("12 个月");
    expect(worded(e, "purpose.nonDigitalAlternative", "zh")).toMatch(CJK);
    expect(counts()).toEqual(before);
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.lifecycle.reviewStatus).toBe("draft");
  });
  it("publishes the revision, opens a 30-day consultation for level III and logs it", async () => {
    const toolId = await draftTool("III");
    const r = await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    expect(r).toEqual({ toolId, revision: 1, impactLevel: "III", consultation: { opens: "2026-03-01", closes: "2026-03-30" } });
    const detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    expect(detail && "found" in detail && detail.found.revision.status).toBe("submitted");
    expect((await listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams("review=submitted")).query })).items.map((t) => t.id)).toEqual([toolId]);
    expect((await listEvents(ctxOf(), { page: 1 })).events.at(-1)).toMatchObject({ kind: "submitted", toolId, actor: "official@shanghai-municipal-government" });
    // Submitted revisions are immutable.
    expect(() => getDb().$client.prepare(`UPDATE revisions SET record = '{}' WHERE tool_seq = (SELECT seq FROM tools WHERE id = ?)`).run(toolId)).toThrow(/immutable/);
    await expectError(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: { en: "x" } } }), "wrong_state");
  });
});

describe("review", () => {
  it("is refused to the own agency's reviewer, other officials and admins, writing nothing", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    const ownReviewer = await createUser(ctxOf(), { email: "rev.sh@register.example", displayName: "Own", role: "reviewer", agency: "shanghai-municipal-government", password: "long-enough-password" });
    const before = counts();
    for (const actor of [ownReviewer, official(), otherOfficial(), admin(), null]) await expectError(() => startReview(ctxOf({ actor, now: day(1) }), { toolId }), "forbidden");
    expect(counts()).toEqual(before);
  });

  it("carries a level III record from submission to an approval with conditions after the consultation", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(31) }), { toolId, decision: "approve", summary: { en: "Fine." } }), "invalid", "findings");
    await findAll(reviewer(), toolId, day(2), { condition: true });
    const early = await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(29) }), { toolId, decision: "approve_with_conditions", summary: { en: "Approved if the terms are published." } }), "invalid", "decision");
    expect(early.fields.decision).toContain("err_consultation_open");
    expect(worded(early, "decision", "en")).toContain("consultation is open until 2026-03-30");
    expect(worded(early, "decision", "zh")).toContain("征求意见截止于 2026-03-30");
    // After the consultation, no decision until the agency has answered it.
    const unanswered = await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve_with_conditions", summary: { en: "x" } }), "invalid", "decision");
    expect(unanswered.fields.decision).toEqual(["err_consultation_unanswered"]);
    expect(worded(unanswered, "decision", "en")).toContain("response to the consultation");
    expect(worded(unanswered, "decision", "zh")).toContain("回应");
    await expectError(() => postConsultationResponse(ctxOf({ actor: official(), now: day(29) }), { toolId, raised: { en: "x" }, changed: { en: "y" } }), "wrong_state");
    await expectError(() => postConsultationResponse(ctxOf({ actor: otherOfficial(), now: day(30) }), { toolId, raised: { en: "x" }, changed: { en: "y" } }), "forbidden");
    await expectError(() => postConsultationResponse(ctxOf({ actor: official(), now: day(30) }), { toolId, raised: {}, changed: { en: "y" } }), "invalid", "raised");
    await respond(toolId);
    await expectError(() => respond(toolId), "wrong_state");
    await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve_with_conditions", summary: {} }), "invalid", "summary");
    const r = await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve_with_conditions", summary: { zh: "附条件批准。", en: "Approved if the vendor terms are published." } });
    expect(r).toEqual({ effective: true, status: "approved_with_conditions" });
    const last = (await listEvents(ctxOf(), { page: 1 })).events.at(-1)!;
    expect(last).toMatchObject({ kind: "decision", toolId, actor: "reviewer@samr", payload: { status: "approved_with_conditions", conditions: [{ criterion: 3, deadline: "2026-06-30" }] } });
    expect(verifyLog()).toMatchObject({ ok: true });
    const detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    const found = detail && "found" in detail ? detail.found : null;
    expect(found?.consultation).toEqual({ opens: "2026-03-01", closes: "2026-03-30" });
    expect(found?.reviews).toHaveLength(1);
    expect(found?.reviews[0]).toMatchObject({ reviewer: "reviewer@samr", decision: "approve_with_conditions", summary: { en: "Approved if the vendor terms are published." } });
    expect(found?.reviews[0]!.findings.filter((f) => f.condition)).toEqual([
      { criterion: 3, rating: "partly_met", severity: "medium", recommendation: null, condition: "Publish the vendor's data-access terms.", conditionDeadline: "2026-06-30" },
    ]);
    // The decision is final for this reviewer.
    await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(31) }), { toolId, decision: "reject", summary: { en: "x" } }), "wrong_state");
  });

  it("will not approve outright when a criterion is not met", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    await findAll(reviewer(), toolId, day(2), { notMet: true });
    await respond(toolId);
    await expectError(() => decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "x" } }), "invalid", "decision");
    expect(await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "reject", summary: { en: "Data beyond need." } })).toEqual({ effective: true, status: "rejected" });
  });

  it("needs two independent reviewers to approve a level IV tool", async () => {
    const toolId = await draftTool("IV");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    await findAll(reviewer(), toolId, day(2));
    await respond(toolId);
    expect(await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approve." } })).toEqual({ effective: false, awaiting: "second_reviewer" });
    let detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    expect(detail && "found" in detail && detail.found.revision.status).toBe("in_review");
    await expectError(() => startReview(ctxOf({ actor: reviewer(), now: day(31) }), { toolId }), "wrong_state");
    await startReview(ctxOf({ actor: reviewer2(), now: day(31) }), { toolId });
    await findAll(reviewer2(), toolId, day(31));
    expect(await decide(ctxOf({ actor: reviewer2(), now: day(32) }), { toolId, decision: "approve", summary: { en: "Approve too." } })).toEqual({ effective: true, status: "approved" });
    detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    expect(detail && "found" in detail && detail.found.revision.status).toBe("approved");
    expect(detail && "found" in detail && detail.found.record.lifecycle.reviewStatus).toBe("approved");
  });

  it("refuses a level IV sunset more than 6 months ahead", async () => {
    const toolId = await draftTool("IV", "2026-12-01");
    const e = await expectError(() => submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId }), "invalid", "lifecycle.sunsetDate");
    expect(e.fields["lifecycle.sunsetDate"]).toEqual(["err_sunset_too_far"]);
    expect(worded(e, "lifecycle.sunsetDate", "en")).toContain("6 months");
    expect(worded(e, "lifecycle.sunsetDate", "zh")).toContain("6 个月");
  });
});

describe("after a decision", () => {
  it("lets the official answer change requests with a new revision", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    await findAll(reviewer(), toolId, day(2));
    await respond(toolId);
    await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "request_changes", summary: { en: "Shorten the retention." } });
    expect(await startRevision(ctxOf({ actor: official(), now: day(31) }), { toolId, action: "revise" })).toEqual({ toolId, revision: 2 });
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).number).toBe(2);
    // The public still sees revision 1 with its decision until revision 2 is submitted.
    const detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    expect(detail && "found" in detail && detail.found.revision).toMatchObject({ number: 1, status: "changes_requested" });
    expect((await submitDraft(ctxOf({ actor: official(), now: day(32) }), { toolId })).revision).toBe(2);
  });

  it("lists a change of purpose in the purpose history and the log, and opens a new review", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    await findAll(reviewer(), toolId, day(2));
    await respond(toolId);
    await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approved." } });
    await expectError(() => startRevision(ctxOf({ actor: official(), now: day(40) }), { toolId, action: "propose_change", kind: "purpose", change: {} }), "invalid");
    await startRevision(ctxOf({ actor: official(), now: day(40) }), { toolId, action: "propose_change", kind: "purpose", change: { en: "Also rank loading-bay permits." } });
    await submitDraft(ctxOf({ actor: official(), now: day(41) }), { toolId });
    const detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    const found = detail && "found" in detail ? detail.found : null;
    expect(found?.record.purposeHistory).toEqual([{ date: "2026-04-10", kind: "purpose", change: { en: "Also rank loading-bay permits." }, sources: [] }]);
    expect(found?.revision.status).toBe("submitted");
    expect((await listEvents(ctxOf(), { page: 1 })).events.map((e) => e.kind).slice(-2)).toEqual(["submitted", "purpose_changed"]);
  });

  it("lets only the owner withdraw before a decision, and retire with a reason", async () => {
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await expectError(() => withdraw(ctxOf({ actor: otherOfficial(), now: day(1) }), { toolId }), "forbidden");
    await withdraw(ctxOf({ actor: official(), now: day(1) }), { toolId });
    await expectError(() => withdraw(ctxOf({ actor: official(), now: day(2) }), { toolId }), "wrong_state");
    await expectError(() => retireTool(ctxOf({ actor: official(), now: day(3) }), { toolId, reason: {} }), "invalid", "reason");
    await retireTool(ctxOf({ actor: official(), now: day(3) }), { toolId, reason: { en: "The permit scheme ended." } });
    const detail = await getToolDetail(ctxOf(), { idOrSlug: toolId });
    const found = detail && "found" in detail ? detail.found : null;
    expect(found?.record.lifecycle).toMatchObject({ deploymentStatus: "retired", retirement: { date: "2026-03-04" } });
    expect(found?.sunsetState).toBe("retired");
    expect((await listEvents(ctxOf(), { page: 1 })).events.at(-1)).toMatchObject({ kind: "retired", toolId });
  });

  it("leaves the editors' records to the editors", async () => {
    for (const actor of [official(), reviewer(), admin()]) await expectError(() => retireTool(ctxOf({ actor, now: D0 }), { toolId: DOOR_SENSORS, reason: { en: "x" } }), "forbidden");
  });
});

describe("the public history", () => {
  it("shows both revisions, the decision with findings and conditions, and the field changes", async () => {
    const { getToolHistory } = await import("../../registry/records/history.server");
    const { callLoader } = await import("./load");
    const { loader: historyLoader } = await import("~/routes/tools.$id_.history");
    const toolId = await draftTool("III");
    await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
    await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
    expect((await getToolHistory(ctxOf(), { toolId }))!.revisions[0]!.reviews[0]).toMatchObject({ reviewer: "reviewer@samr", decision: null, findings: [] });
    await findAll(reviewer(), toolId, day(2), { condition: true });
    await respond(toolId);
    await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve_with_conditions", summary: { en: "Approved if the vendor terms are published." } });
    await startRevision(ctxOf({ actor: official(), now: day(40) }), { toolId, action: "request_renewal" });
    await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "lifecycle", value: { ...completeSections({ level: "III", sunset: "2027-03-01" }).lifecycle } });
    // The draft is not part of the public history.
    expect((await getToolHistory(ctxOf(), { toolId }))!.revisions.map((r) => r.number)).toEqual([1]);
    await submitDraft(ctxOf({ actor: official(), now: day(41) }), { toolId });

    const h = (await getToolHistory(ctxOf(), { toolId }))!;
    expect(h.revisions.map((r) => [r.number, r.status])).toEqual([
      [1, "approved_with_conditions"],
      [2, "submitted"],
    ]);
    const review = h.revisions[0]!.reviews[0]!;
    expect(review).toMatchObject({ decision: "approve_with_conditions", summary: { en: "Approved if the vendor terms are published." } });
    expect(review.findings).toHaveLength(10);
    expect(review.findings.find((f) => f.criterion === 3)).toMatchObject({ condition: "Publish the vendor's data-access terms.", conditionDeadline: "2026-06-30" });
    expect(h.comparison).toEqual({ from: 1, to: 2, changes: [{ path: "lifecycle.sunsetDate", before: "2027-02-01", after: "2027-03-01" }] });
    expect(h.events.map((e) => e.kind)).toEqual(["submitted", "review_started", "consultation_response", "decision", "submitted"]);

    const page = await callLoader<{ history: typeof h }>(historyLoader, `/tools/${toolId}/history?from=2&to=1`, { id: toolId });
    expect(page.history.comparison).toMatchObject({ from: 2, to: 1 });
    const bad = await callLoader<{ history: typeof h }>(historyLoader, `/tools/${toolId}/history?from=x&to=99`, { id: toolId });
    expect(bad.history.comparison).toMatchObject({ from: 1, to: 2 });
  });
  it("is a 404 for drafts and unknown ids", async () => {
    const { callLoader, thrownResponse } = await import("./load");
    const { loader: historyLoader } = await import("~/routes/tools.$id_.history");
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity() });
    for (const id of [toolId, "ALG-999999", "x".repeat(200)])
      expect((await thrownResponse(callLoader(historyLoader, `/tools/${id}/history`, { id }))).status).toBe(404);
  });
});
