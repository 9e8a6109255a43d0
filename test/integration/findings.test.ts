// The reviewer's ten findings in one command (recordFindings): every finding checked before any
// is written, issues named by criterion (findings.3.severity), and refused to everyone but the
// reviewer who took the review, writing nothing.
import { describe, expect, it } from "vitest";
import { RegistryError } from "../../registry/shared/errors";
import { CJK, worded } from "./worded";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createUser } from "../../registry/auth/accounts.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { recordFinding, recordFindings, startReview } from "../../registry/review/review.server";
import { getReviewPage, reviewQueue } from "../../registry/review/queues.server";
import { decide } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { submitDraft } from "../../registry/review/submission.server";
import { CRITERIA } from "../../registry/review/review-terms";
import type { SectionName } from "../../registry/standard/sections";
import { ctxOf } from "../../registry/shared/context";

const getDb = useFreshDb();
const official = () => actorByEmail("official.shanghai@register.example");
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const admin = () => actorByEmail("admin@register.example");
const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);

const findingRows = () =>
  getDb().$client.prepare(`SELECT criterion, rating, severity, condition, condition_deadline AS deadline FROM findings ORDER BY criterion`).all() as {
    criterion: number;
    rating: string;
    severity: string | null;
    condition: string | null;
    deadline: string | null;
  }[];
const eventCount = () => (getDb().$client.prepare(`SELECT count(*) AS n FROM events`).get() as { n: number }).n;

async function reviewedTool(level: "III" | "IV" = "III"): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity("findings-tool") });
  for (const [n, v] of Object.entries(completeSections({ level, sunset: level === "III" ? "2027-02-01" : "2026-08-01" }))) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: n as SectionName, value: v });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
  return toolId;
}

async function refusal(fn: () => Promise<unknown>): Promise<RegistryError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    return e as RegistryError;
  }
  throw new Error("expected a RegistryError");
}

const allMet = () => CRITERIA.map((criterion) => ({ criterion, rating: "met" }));

describe("recordFindings", () => {
  it("writes every finding in one go, and only the criteria given", async () => {
    const toolId = await reviewedTool();
    const events = eventCount();
    await recordFindings(ctxOf({ actor: reviewer(), now: day(2) }), {
      toolId,
      findings: [
        { criterion: 1, rating: "met" },
        { criterion: 3, rating: "partly_met", severity: "medium", condition: "Publish the vendor terms.", conditionDeadline: "2026-06-30" },
      ],
    });
    expect(findingRows()).toEqual([
      { criterion: 1, rating: "met", severity: null, condition: null, deadline: null },
      { criterion: 3, rating: "partly_met", severity: "medium", condition: "Publish the vendor terms.", deadline: "2026-06-30" },
    ]);
    // Saved progress: the rest later, replacing what was given again.
    await recordFindings(ctxOf({ actor: reviewer(), now: day(3) }), { toolId, findings: allMet() });
    expect(findingRows().map((r) => r.rating)).toEqual(CRITERIA.map(() => "met"));
    expect(eventCount()).toBe(events);
    const page = await getReviewPage(ctxOf({ actor: reviewer(), now: day(3) }), { toolId });
    expect(Object.keys(page.myReview!.findings)).toHaveLength(10);
    expect(page.reviewerCount).toEqual({ required: 1, reviewing: 1, approved: 0 });
  });

  it("writes nothing when one finding is wrong, naming each problem by its criterion", async () => {
    const toolId = await reviewedTool();
    const findings: Record<string, unknown>[] = allMet();
    findings[2] = { criterion: 3, rating: "partly_met" };
    findings[6] = { criterion: 7, rating: "met", condition: "Publish it.", conditionDeadline: "2026-03-02" };
    findings[8] = { criterion: 9, severity: "low" };
    const e = await refusal(() => recordFindings(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, findings }));
    expect(e.code).toBe("invalid");
    expect(e.fields).toEqual({
      "findings.3.severity": ["err_severity_missing"],
      "findings.7.conditionDeadline": ["err_deadline_past"],
      "findings.9.rating": ["err_rating_choose"],
    });
    expect(worded(e, "findings.3.severity", "zh")).toMatch(CJK);
    expect(findingRows()).toEqual([]);
    // A criterion given twice, or one that is not 1 to 10.
    const twice = await refusal(() => recordFindings(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, findings: [...allMet(), { criterion: 4, rating: "not_met", severity: "high" }] }));
    expect(twice.fields).toEqual({ "findings.4.criterion": ["err_finding_twice"] });
    expect(worded(twice, "findings.4.criterion", "zh")).toMatch(CJK);
    const unknown = await refusal(() => recordFindings(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, findings: [{ criterion: 1, rating: "met" }, { criterion: 11, rating: "met" }] }));
    expect(Object.keys(unknown.fields)).toEqual(["findings.2.criterion"]);
    expect(findingRows()).toEqual([]);
  });

  it("keeps recordFinding's own paths for one finding", async () => {
    const toolId = await reviewedTool();
    const e = await refusal(() => recordFinding(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, finding: { criterion: 2, rating: "not_met" } }));
    expect(e.fields).toEqual({ severity: ["err_severity_missing"] });
    await recordFinding(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, finding: { criterion: 2, rating: "met" } });
    expect(findingRows()).toHaveLength(1);
  });

  it("is refused to the owning official, a reviewer of the owning agency, an admin, the public and a reviewer who has not started, writing nothing", async () => {
    const toolId = await reviewedTool();
    const ownReviewer = await createUser(ctxOf(), { email: "rev.sh@register.example", displayName: "Own", role: "reviewer", agency: "shanghai-municipal-government", password: "long-enough-password" });
    const notStarted = actorByEmail("reviewer.zhejiang@register.example");
    const events = eventCount();
    for (const actor of [official(), ownReviewer, admin(), null, notStarted]) {
      const e = await refusal(() => recordFindings(ctxOf({ actor, now: day(2) }), { toolId, findings: allMet() }));
      expect(e.code).toBe("forbidden");
    }
    expect(findingRows()).toEqual([]);
    expect(eventCount()).toBe(events);
  });

  it("counts a level IV tool's independent reviewers for the queue and the review page, agencies by name", async () => {
    const toolId = await reviewedTool("IV");
    const zj = actorByEmail("reviewer.zhejiang@register.example");
    const item = (await reviewQueue(ctxOf({ actor: zj, now: day(2) }), {})).find((i) => i.id === toolId)!;
    expect(item.agencies).toEqual([{ slug: "shanghai-municipal-government", name: { zh: "上海市人民政府", en: expect.any(String) } }]);
    expect(item.reviewerCount).toEqual({ required: 2, reviewing: 1, approved: 0 });
    expect((await reviewQueue(ctxOf({ actor: zj, now: day(2) }), { agency: "shanghai-municipal-government" })).map((i) => i.id)).toContain(toolId);
    expect((await reviewQueue(ctxOf({ actor: zj, now: day(2) }), { agency: "samr" })).map((i) => i.id)).not.toContain(toolId);
    await recordFindings(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, findings: allMet() });
    await postConsultationResponse(ctxOf({ actor: official(), now: day(30) }), { toolId, raised: { en: "x" }, changed: { en: "y" } });
    await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approve." } });
    expect((await getReviewPage(ctxOf({ actor: zj, now: day(31) }), { toolId })).reviewerCount).toEqual({ required: 2, reviewing: 0, approved: 1 });
  });
});
