// The draft's task list: section statuses, the impact level once the questionnaire is answered,
// the level's obligations, and agreement with the check submitDraft refuses on. No server, no db.
import { describe, expect, it } from "vitest";
import { completeSections, newIdentity } from "../helpers/factories";
import { taskListOf, hasContent } from "../../registry/review/task-list.server";
import { checkSubmission } from "../../registry/review/submission-check";
import { newDraftRecord } from "../../registry/review/drafts.server";
import type { ToolRecordInput } from "../../registry/standard/v1";

const TODAY = "2026-03-01";
/** A draft as createDraft writes it. */
const fresh = (): ToolRecordInput => newDraftRecord({ ...newIdentity(), id: "ALG-000099" } as ToolRecordInput["identity"], "shanghai-municipal-government") as ToolRecordInput;
const complete = (): ToolRecordInput => ({ standardVersion: "1", identity: { ...newIdentity(), id: "ALG-000099" }, ...completeSections({ level: "III", sunset: "2027-01-01" }) }) as ToolRecordInput;
const statusOf = (list: ReturnType<typeof taskListOf>) => Object.fromEntries(list.sections.map((s) => [s.name, s.status]));

describe("draft task list", () => {
  it("starts with identity complete, the rest not started and no impact level", () => {
    const list = taskListOf("ALG-000099", 1, fresh(), TODAY);
    const s = statusOf(list);
    expect(s.identity).toBe("complete");
    for (const name of ["responsibility", "purpose", "howItWorks", "dataScope", "oversight", "lifecycle", "assessments", "sources"]) expect(s[name]).toBe("not_started");
    expect(list.impact).toBeNull();
    expect(list.obligations).toEqual([]);
    expect(list.ready).toBe(false);
    // Nothing required in the incidents list: optional.
    expect(list.sections.find((x) => x.name === "incidents")).toMatchObject({ status: "not_started", optional: true });
    expect(list.sections.find((x) => x.name === "purpose")!.optional).toBe(false);
  });

  it("does not count what the register fills in as entered", () => {
    expect(hasContent("lifecycle", { deploymentStatus: "proposed", reviewStatus: "draft", sunsetDate: null, renewals: [] })).toBe(false);
    expect(hasContent("lifecycle", { deploymentStatus: "pilot", reviewStatus: "draft" })).toBe(true);
    expect(hasContent("responsibility", { agencies: [{ agency: "x", role: "operates" }], vendors: [] })).toBe(false);
    expect(hasContent("oversight", { appealStats: [], humanOversight: { zh: " " } })).toBe(false);
  });

  it("shows the level once the questionnaire is answered, what raised it and what it requires", () => {
    const draft = fresh();
    draft.assessments = { documents: [], impact: completeSections({ level: "III", sunset: "2027-01-01" }).assessments.impact };
    const list = taskListOf("ALG-000099", 1, draft, TODAY);
    expect(list.impact).toMatchObject({ level: "III", netScore: 9 });
    expect(list.impact!.parts.filter((p) => p.points > 0).map((p) => p.factor)).toEqual(["peopleAffected", "dataSensitivity", "automation", "consequence", "vulnerableGroups"]);
    expect(statusOf(list).assessments).toBe("complete");
    const ob = Object.fromEntries(list.obligations.map((o) => [o.key, o]));
    expect(ob.consultation).toMatchObject({ n: 30, met: null });
    expect(ob.sunset).toMatchObject({ n: 12, met: false, section: "lifecycle" });
    expect(ob.alternative).toMatchObject({ met: false, section: "purpose" });
    expect(ob.humanOverride).toMatchObject({ met: false, section: "oversight" });
    expect(ob.reviewers).toMatchObject({ n: 1, met: null });
  });

  it("marks a section in progress when required parts are missing, and with problems when a rule refuses it", () => {
    const draft = complete();
    delete (draft.purpose as { purpose?: unknown }).purpose;
    draft.lifecycle = { ...draft.lifecycle, sunsetDate: "2029-01-01" };
    const list = taskListOf("ALG-000099", 1, draft, TODAY);
    const s = statusOf(list);
    expect(s.purpose).toBe("in_progress");
    expect(s.lifecycle).toBe("has_problems");
    expect(list.sections.find((x) => x.name === "lifecycle")!.issues.map((i) => i.code)).toEqual(["err_sunset_too_far"]);
    expect(list.obligations.find((o) => o.key === "sunset")!.met).toBe(false);
    expect(list.ready).toBe(false);
  });

  it("is ready exactly when the submission check passes", () => {
    const list = taskListOf("ALG-000099", 1, complete(), TODAY);
    expect(Object.values(statusOf(list)).filter((x) => x !== "complete" && x !== "not_started")).toEqual([]);
    expect(list.ready).toBe(true);
    expect(list.obligations.every((o) => o.met !== false)).toBe(true);
    const check = checkSubmission(complete(), TODAY);
    expect(check.record).not.toBeNull();
    expect([...check.schemaIssues, ...check.problems]).toEqual([]);
    // A missing retention period: refused by the check and shown on the data section.
    const draft = complete();
    delete (draft.dataScope.elements![0] as { retention?: unknown }).retention;
    expect(checkSubmission(draft, TODAY).problems.map((i) => i.path)).toEqual(["dataScope.elements.0.retention"]);
    expect(statusOf(taskListOf("ALG-000099", 1, draft, TODAY)).dataScope).toBe("has_problems");
  });

  it("lists a problem of no section as the record's own, so 'not ready' always says why", () => {
    const draft = { ...complete(), standardVersion: "0" } as unknown as ToolRecordInput;
    const list = taskListOf("ALG-000099", 1, draft, TODAY);
    expect(list.ready).toBe(false);
    expect(list.sections.every((s) => s.status === "complete" || s.status === "not_started")).toBe(true);
    expect(list.recordIssues.map((i) => i.path)).toEqual(["standardVersion"]);
    expect(taskListOf("ALG-000099", 1, complete(), TODAY).recordIssues).toEqual([]);
  });
});
