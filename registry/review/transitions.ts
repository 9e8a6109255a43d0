// The review workflow as one table: for each action, who may take it and from which review
// status, and the status it leads to. Pure data and functions, so every role x state x action
// combination is tested (test/unit/transitions.test.ts) and the same table drives the
// registry functions and the buttons a page shows.
import type { ReviewStatus } from "../standard/v1";

/** How the person acting relates to the tool. Computed from the account and the tool's agencies. */
export const RELATIONS = [
  "anonymous",
  /** An official of the agency that owns the tool's record. */
  "owner_official",
  "other_official",
  /**
   * An official of an agency that a record without an owning agency (one the register's editors
   * registered) names as operating or deciding on the tool: may take the record over.
   */
  "claimant_official",
  /** A reviewer whose agency owns the tool or has a confirmed link to it (registry/records/responsibility.server.ts). */
  "reviewer_own_agency",
  "reviewer_other_agency",
  "admin",
] as const;
export type Relation = (typeof RELATIONS)[number];

export const ACTIONS = [
  "edit_draft",
  "submit",
  "withdraw",
  "start_review",
  "join_review",
  "record_finding",
  "request_changes",
  "approve",
  "approve_with_conditions",
  "reject",
  "revise",
  "propose_change",
  "request_renewal",
  "retire",
  "take_over",
] as const;
export type Action = (typeof ACTIONS)[number];

type Rule = { who: Relation; from: readonly ReviewStatus[]; to: ReviewStatus | "unchanged" };

const DECIDED = ["approved", "approved_with_conditions"] as const;

export const TRANSITIONS: Record<Action, Rule> = {
  edit_draft: { who: "owner_official", from: ["draft"], to: "unchanged" },
  submit: { who: "owner_official", from: ["draft"], to: "submitted" },
  withdraw: { who: "owner_official", from: ["submitted", "in_review"], to: "withdrawn" },
  start_review: { who: "reviewer_other_agency", from: ["submitted"], to: "in_review" },
  // A second, independent reviewer (impact level IV) joins a review already under way.
  join_review: { who: "reviewer_other_agency", from: ["in_review"], to: "unchanged" },
  record_finding: { who: "reviewer_other_agency", from: ["in_review"], to: "unchanged" },
  request_changes: { who: "reviewer_other_agency", from: ["in_review"], to: "changes_requested" },
  approve: { who: "reviewer_other_agency", from: ["in_review"], to: "approved" },
  approve_with_conditions: { who: "reviewer_other_agency", from: ["in_review"], to: "approved_with_conditions" },
  reject: { who: "reviewer_other_agency", from: ["in_review"], to: "rejected" },
  // A new draft revision: answering change requests, a new proposal after a withdrawal or
  // rejection, a change of purpose or data scope, or a renewal before sunset.
  revise: { who: "owner_official", from: ["changes_requested", "withdrawn", "rejected"], to: "draft" },
  propose_change: { who: "owner_official", from: DECIDED, to: "draft" },
  request_renewal: { who: "owner_official", from: DECIDED, to: "draft" },
  // Retiring changes the deployment status, not the review status of the revision.
  retire: { who: "owner_official", from: ["unreviewed", "submitted", "in_review", "changes_requested", ...DECIDED, "rejected", "withdrawn"], to: "unchanged" },
  // An agency takes over a record the editors registered: it becomes the owning agency and a new
  // draft revision starts from the public one (registry/review/take-over.server.ts). Not while a
  // review is under way, and only once there is a public revision to start from.
  take_over: { who: "claimant_official", from: ["unreviewed", "changes_requested", ...DECIDED, "rejected", "withdrawn"], to: "draft" },
};

export type Check = { ok: true; to: ReviewStatus | "unchanged" } | { ok: false; reason: "not_allowed_for_role" | "wrong_state" };

/** Whether `relation` may take `action` on a revision in `state`. Role is checked before state. */
export function canTake(relation: Relation, state: ReviewStatus, action: Action): Check {
  const rule = TRANSITIONS[action];
  if (rule.who !== relation) return { ok: false, reason: "not_allowed_for_role" };
  if (!rule.from.includes(state)) return { ok: false, reason: "wrong_state" };
  return { ok: true, to: rule.to };
}

/** The actions open to `relation` on a revision in `state` (for pages to offer). */
export function actionsFor(relation: Relation, state: ReviewStatus): Action[] {
  return ACTIONS.filter((a) => canTake(relation, state, a).ok);
}

/**
 * The relation of an account to a tool. `claimantAgencyIds`: for a tool without an owning agency,
 * the agencies its record names as operating or deciding on it (registry/review/load.server.ts).
 */
export function relationTo(
  actor: { role: "official" | "reviewer" | "admin"; agencyId: number | null } | null,
  tool: { ownerAgencyId: number | null; agencyIds: readonly number[]; claimantAgencyIds?: readonly number[] },
): Relation {
  if (!actor) return "anonymous";
  if (actor.role === "admin") return "admin";
  const involved = actor.agencyId !== null && (actor.agencyId === tool.ownerAgencyId || tool.agencyIds.includes(actor.agencyId));
  if (actor.role === "reviewer") return involved ? "reviewer_own_agency" : "reviewer_other_agency";
  if (actor.agencyId === null) return "other_official";
  if (actor.agencyId === tool.ownerAgencyId) return "owner_official";
  return tool.ownerAgencyId === null && (tool.claimantAgencyIds ?? []).includes(actor.agencyId) ? "claimant_official" : "other_official";
}
