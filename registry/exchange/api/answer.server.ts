// What every answer of the open read-only API (/api/v1) shares: the call shape, the answer, the
// change times behind Last-Modified, and the summary of a tool as the API lists it.
//
// Every answer is `apiSomething(ctx, query)`, async: `ctx` is the domain's context
// (registry/shared/context.ts) with the origin absolute URLs are built on. No HTTP here (app/api.server.ts
// turns answers into responses). Nothing private passes: only published revisions (never drafts),
// public comments without contact e-mails, reviews as the public history shows them.
import { stmt, type Db } from "../../shared/db.server";
import type { Ctx } from "../../shared/context";
import type { ToolSummary } from "../../records/summary.server";
import { REGISTER_TIME_ZONE, todayIso } from "../../lifecycle/sunset";
import { apiProblem } from "./problem";
import { absolute, paths } from "../../shared/urls";

export type ApiContext = Ctx & { origin: string };
/** `stale`: made from a list index being rebuilt (registry/records/list-index.server.ts): not to be cached or validated. */
export type ApiAnswer<T = unknown> = { body: T; lastModified: string | null; next?: string | null; stale?: boolean } | { movedTo: string };

export const short = (v: string) => (v.length > 60 ? `${v.slice(0, 60)}…` : v);
export const PUBLISHED = `published_revision_id IS NOT NULL`;

export const notFound = (reason: "api_tool_not_found" | "api_tool_history_not_found" | "api_agency_not_found", value: string) =>
  apiProblem("not_found", reason, { value: short(value) });

// ------------------------------------------------------------------ change times

/** The latest of some ISO timestamps, or null. */
export function latest(...times: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  let bestMs = -Infinity;
  for (const t of times) {
    const ms = t ? Date.parse(t) : NaN;
    if (!Number.isNaN(ms) && ms > bestMs) [best, bestMs] = [new Date(ms).toISOString(), ms];
  }
  return best;
}

/**
 * Midnight of the register's today. Sunset states are computed from the date, so an answer
 * that holds them may change at midnight with nothing written.
 */
export function startOfToday(now: Date): string {
  const offset = new Intl.DateTimeFormat("en-US", { timeZone: REGISTER_TIME_ZONE, timeZoneName: "longOffset" })
    .formatToParts(now)
    .find((p) => p.type === "timeZoneName")?.value;
  return new Date(`${todayIso(now)}T00:00:00${offset && offset !== "GMT" ? offset.slice(3) : "Z"}`).toISOString();
}

/** Every public change is an event or a published revision, so their latest time bounds all lists. */
export function registerChangedAt(db: Db): string | null {
  const r = stmt(
    db,
    // Each read walks one index from its end, so this stays cheap on a large register.
    `SELECT (SELECT at FROM events ORDER BY id DESC LIMIT 1) AS e,
       (SELECT updated_at FROM tools WHERE published_revision_id IS NOT NULL ORDER BY updated_at DESC LIMIT 1) AS t,
       (SELECT max(published_at) FROM revisions) AS p`,
  ).get() as { e: string | null; t: string | null; p: string | null };
  return latest(r.e, r.t, r.p);
}

export function toolChangedAt(db: Db, id: string): string | null {
  const r = stmt(
    db,
    `SELECT t.updated_at AS t, (SELECT max(at) FROM events WHERE tool_id = t.id) AS e,
       (SELECT max(coalesce(published_at, submitted_at)) FROM revisions WHERE tool_seq = t.seq AND status <> 'draft') AS p
     FROM tools t WHERE t.id = ?`,
  ).get(id) as { t: string | null; e: string | null; p: string | null } | undefined;
  return r ? latest(r.t, r.e, r.p) : null;
}

// ------------------------------------------------------------------ shapes

export type ApiToolSummary = Omit<ToolSummary, "snippet" | "policyDomain" | "retirement"> & { url: string; api: string };

export function toolSummary(t: ToolSummary, origin: string): ApiToolSummary {
  // Picked field by field so the API's shape changes only on purpose, never with the page's.
  return {
    id: t.id,
    slug: t.slug,
    name: t.name,
    summary: t.summary,
    kind: t.kind,
    jurisdictionLevel: t.jurisdictionLevel,
    place: t.place,
    deploymentStatus: t.deploymentStatus,
    reviewStatus: t.reviewStatus,
    impactLevel: t.impactLevel,
    sunsetDate: t.sunsetDate,
    sunsetState: t.sunsetState,
    regime: t.regime,
    updatedAt: t.updatedAt,
    incidentCount: t.incidentCount,
    commentCount: t.commentCount,
    url: absolute(origin, paths.tool(t.id)),
    api: absolute(origin, paths.apiTool(t.id)),
  };
}
