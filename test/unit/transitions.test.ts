import { describe, expect, it } from "vitest";
import { ACTIONS, RELATIONS, TRANSITIONS, actionsFor, canTake, relationTo, type Action, type Relation } from "../../registry/review/transitions";
import { REVIEW_STATUSES, type ReviewStatus } from "../../registry/standard/v1";

// The expected table, written out independently of TRANSITIONS: for each action, the one
// relation that may take it, and the states it may be taken from.
const EXPECTED: Record<Action, [Relation, ReviewStatus[], ReviewStatus | "unchanged"]> = {
  edit_draft: ["owner_official", ["draft"], "unchanged"],
  submit: ["owner_official", ["draft"], "submitted"],
  withdraw: ["owner_official", ["submitted", "in_review"], "withdrawn"],
  start_review: ["reviewer_other_agency", ["submitted"], "in_review"],
  join_review: ["reviewer_other_agency", ["in_review"], "unchanged"],
  record_finding: ["reviewer_other_agency", ["in_review"], "unchanged"],
  request_changes: ["reviewer_other_agency", ["in_review"], "changes_requested"],
  approve: ["reviewer_other_agency", ["in_review"], "approved"],
  approve_with_conditions: ["reviewer_other_agency", ["in_review"], "approved_with_conditions"],
  reject: ["reviewer_other_agency", ["in_review"], "rejected"],
  revise: ["owner_official", ["changes_requested", "withdrawn", "rejected"], "draft"],
  propose_change: ["owner_official", ["approved", "approved_with_conditions"], "draft"],
  request_renewal: ["owner_official", ["approved", "approved_with_conditions"], "draft"],
  retire: ["owner_official", ["unreviewed", "submitted", "in_review", "changes_requested", "approved", "approved_with_conditions", "rejected", "withdrawn"], "unchanged"],
  // Not from a draft (nothing public to start from) nor while a submission is under review.
  take_over: ["claimant_official", ["unreviewed", "changes_requested", "approved", "approved_with_conditions", "rejected", "withdrawn"], "draft"],
};

describe("the workflow transition table", () => {
  const cases = RELATIONS.flatMap((relation) => REVIEW_STATUSES.flatMap((state) => ACTIONS.map((action) => [relation, state, action] as const)));
  it(`covers all ${cases.length} relation x state x action combinations`, () => {
    expect(cases.length).toBe(RELATIONS.length * REVIEW_STATUSES.length * ACTIONS.length);
    for (const [relation, state, action] of cases) {
      const [who, from, to] = EXPECTED[action];
      const got = canTake(relation, state, action);
      if (relation !== who) expect(got, `${relation} ${state} ${action}`).toEqual({ ok: false, reason: "not_allowed_for_role" });
      else if (!from.includes(state)) expect(got, `${relation} ${state} ${action}`).toEqual({ ok: false, reason: "wrong_state" });
      else expect(got, `${relation} ${state} ${action}`).toEqual({ ok: true, to });
    }
  });
  it("never lets an admin, the public or another agency's official act, nor a reviewer review their own agency", () => {
    for (const relation of ["anonymous", "admin", "other_official", "reviewer_own_agency"] as const)
      for (const state of REVIEW_STATUSES) expect(actionsFor(relation, state), `${relation} ${state}`).toEqual([]);
  });
  it("lets an agency that may claim an editors' record do nothing but take it over, and nobody else take over", () => {
    for (const state of REVIEW_STATUSES) {
      expect(actionsFor("claimant_official", state), state).toEqual(EXPECTED.take_over[1].includes(state) ? ["take_over"] : []);
      for (const relation of RELATIONS.filter((r) => r !== "claimant_official")) expect(actionsFor(relation, state), `${relation} ${state}`).not.toContain("take_over");
    }
  });
  it("has a rule for every action", () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ACTIONS].sort());
  });
});

describe("relationTo", () => {
  const tool = { ownerAgencyId: 1, agencyIds: [1, 2] };
  it.each([
    [null, "anonymous"],
    [{ role: "admin", agencyId: null }, "admin"],
    [{ role: "official", agencyId: 1 }, "owner_official"],
    [{ role: "official", agencyId: 2 }, "other_official"],
    [{ role: "official", agencyId: 9 }, "other_official"],
    [{ role: "reviewer", agencyId: 1 }, "reviewer_own_agency"],
    [{ role: "reviewer", agencyId: 2 }, "reviewer_own_agency"],
    [{ role: "reviewer", agencyId: 9 }, "reviewer_other_agency"],
  ] as const)("%j is %s", (actor, relation) => {
    expect(relationTo(actor, tool)).toBe(relation);
  });

  // An editors' record (no owning agency) naming agency 1 as operating and 2 as deciding; 3 oversees.
  const editors = { ownerAgencyId: null, agencyIds: [1, 2, 3], claimantAgencyIds: [1, 2] };
  it.each([
    [null, "anonymous"],
    [{ role: "admin", agencyId: null }, "admin"],
    [{ role: "official", agencyId: 1 }, "claimant_official"],
    [{ role: "official", agencyId: 2 }, "claimant_official"],
    [{ role: "official", agencyId: 3 }, "other_official"],
    [{ role: "official", agencyId: 9 }, "other_official"],
    [{ role: "official", agencyId: null }, "other_official"],
    [{ role: "reviewer", agencyId: 1 }, "reviewer_own_agency"],
    [{ role: "reviewer", agencyId: 9 }, "reviewer_other_agency"],
  ] as const)("on an editors' record, %j is %s", (actor, relation) => {
    expect(relationTo(actor, editors)).toBe(relation);
  });
  it("has no claimant once the record has an owning agency", () => {
    expect(relationTo({ role: "official", agencyId: 2 }, { ...editors, ownerAgencyId: 1 })).toBe("other_official");
    expect(relationTo({ role: "official", agencyId: 1 }, { ...editors, ownerAgencyId: 1 })).toBe("owner_official");
  });
});
