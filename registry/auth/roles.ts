// Roles and the checks every loader and action makes for itself. Pure functions: no database,
// so the table of who may do what is tested directly.
export const ROLES = ["official", "reviewer", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** The signed-in user as loaders and registry functions see it. */
export type Actor = {
  id: number;
  email: string;
  displayName: string;
  role: Role;
  agencyId: number | null;
  agencySlug: string | null;
};

/** Officials edit the records of their own agency only. */
export function mayEditForAgency(actor: Actor, agencyId: number): boolean {
  return actor.role === "official" && actor.agencyId !== null && actor.agencyId === agencyId;
}

/**
 * Reviewers review tools of other agencies only: a reviewer whose agency is any of the tool's
 * responsible agencies is refused. Pass the confirmed agencies only (registry/records/responsibility.server.ts):
 * an agency named without its consent disqualifies none of its reviewers. Admins never review.
 */
export function mayReview(actor: Actor, toolAgencyIds: readonly number[]): boolean {
  return actor.role === "reviewer" && actor.agencyId !== null && !toolAgencyIds.includes(actor.agencyId);
}

export function mayManageAccounts(actor: Actor): boolean {
  return actor.role === "admin";
}

/** How the actor appears in the public log: a role and an agency, never a person. */
export function publicActor(actor: Actor | null): string {
  if (!actor) return "register";
  return actor.agencySlug ? `${actor.role}@${actor.agencySlug}` : actor.role;
}
