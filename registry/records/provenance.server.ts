// Who registered a tool and who is responsible for its record now: the register's editors (a
// record registered from public sources, with no owning agency), or an agency that filed it
// itself; and, for an editors' record an agency took over (registry/review/take-over.server.ts),
// which agency and when, read from the `tool_taken_over` event of the public log.
import { stmt, type Db } from "../shared/db.server";
import type { AgencyLink } from "./agencies.server";
import { lt } from "./summary.server";

export type Provenance = {
  /** "editors": the register's editors registered it; "agency": the owning agency filed it. */
  registeredBy: "editors" | "agency";
  /** The agency that filed it (registeredBy "agency"), else null. */
  agency: AgencyLink | null;
  registeredAt: string;
  /** The agency that took over the editors' record and when, or null. */
  takenOver: { agency: AgencyLink; at: string } | null;
};

const agencyBy = (db: Db, where: "id" | "slug", value: number | string): AgencyLink | null => {
  const a = stmt(db, `SELECT slug, name_zh, name_en FROM agencies WHERE ${where === "id" ? "id" : "slug"} = ?`).get(value) as
    | { slug: string; name_zh: string | null; name_en: string | null }
    | undefined;
  return a ? { slug: a.slug, name: lt(a.name_zh, a.name_en) } : null;
};

/** The provenance of the tool with public id `toolId`. */
export function provenanceOf(db: Db, toolId: string): Provenance | null {
  const tool = stmt(db, `SELECT owner_agency_id, created_at FROM tools WHERE id = ?`).get(toolId) as { owner_agency_id: number | null; created_at: string } | undefined;
  if (!tool) return null;
  const event = stmt(db, `SELECT at, payload FROM events WHERE tool_id = ? AND kind = 'tool_taken_over' ORDER BY id LIMIT 1`).get(toolId) as
    | { at: string; payload: string }
    | undefined;
  const slug = event ? (JSON.parse(event.payload) as { agency?: unknown }).agency : undefined;
  const takenBy = typeof slug === "string" ? agencyBy(db, "slug", slug) : null;
  if (event && takenBy) return { registeredBy: "editors", agency: null, registeredAt: tool.created_at, takenOver: { agency: takenBy, at: event.at } };
  if (tool.owner_agency_id === null) return { registeredBy: "editors", agency: null, registeredAt: tool.created_at, takenOver: null };
  return { registeredBy: "agency", agency: agencyBy(db, "id", tool.owner_agency_id), registeredAt: tool.created_at, takenOver: null };
}
