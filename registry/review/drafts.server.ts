// Drafts: an official starts a record for their agency and completes it section by section. A
// draft is private until it is submitted (submission.server.ts).
import { OWN_DEPLOYMENT_STATUSES } from "../standard/own-values";
import { z } from "zod";
import type { SectionName } from "../standard/sections";
import { canonicalJson } from "../shared/canonical-json";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { stmt, underWriteLock } from "../shared/db.server";
import { invalid, RegistryError, zodIssues } from "../shared/errors";
import { allocateToolId, isToolId, toolIdTaken } from "../records/ids.server";
import {
  Assessments,
  DataScope,
  HowItWorks,
  Identity,
  IncidentList,
  Lifecycle,
  Oversight,
  Participation,
  Purpose,
  PurposeHistoryList,
  recordSizeProblem,
  Responsibility,
  SourceList,
  STANDARD_VERSION,
  versionFor,
  WithheldList,
  type ToolRecordInput,
} from "../standard/v1";
import { guard, load, sha256 } from "./load.server";
import { proposeSlug } from "../standard/slug-proposal";

const NewToolIdentity = Identity.omit({ id: true });
export type NewToolIdentityInput = z.input<typeof NewToolIdentity>;
/** A new draft: its identity, and for a bulk import the id the row had in another register (kept if free). */
export const CreateDraftInput = z.object({ identity: NewToolIdentity, id: z.string().max(40).optional() }).strict();
export const SaveSectionInput = z.object({ toolId: ToolRef, section: z.string().max(40), value: z.unknown() }).strict();
export const ToolInput = z.object({ toolId: ToolRef }).strict();

/** An official starts a record for their agency. The draft is private until submitted. */
export async function createDraft(ctx: Ctx, input: unknown): Promise<{ toolId: string }> {
  return createDraftNow(ctx, input);
}

/**
 * The record of a new draft: its identity, the official's agency as operator, everything else
 * empty. A draft may be incomplete (no purpose yet); it is checked section by section (the task
 * list, which does not count these defaults as entered) and in full on submission.
 */
export function newDraftRecord(identity: ToolRecordInput["identity"], agencySlug: string): Omit<ToolRecordInput, "purpose"> {
  return {
    standardVersion: STANDARD_VERSION,
    identity,
    responsibility: { agencies: [{ agency: agencySlug, role: "operates" }], vendors: [] },
    purposeHistory: [],
    howItWorks: {},
    dataScope: { elements: [], sharingRecipients: [] },
    oversight: { appealStats: [] },
    lifecycle: { deploymentStatus: "proposed", reviewStatus: "draft", sunsetDate: null, renewals: [] },
    assessments: { documents: [] },
    incidents: [],
    withheld: [],
    sources: [],
  };
}

/** createDraft without the async boundary, for commands composed in one transaction (the bulk import). */
export function createDraftNow(ctx: Ctx, input: unknown): { toolId: string } {
  const { actor, now, db } = ctx;
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
  const at = now.toISOString();
  return db.$client.transaction(() => {
    const { identity, id } = parseInput(CreateDraftInput, withProposedSlug(input, (slug) => Boolean(stmt(db, `SELECT 1 FROM tools WHERE slug = ?`).get(slug))));
    if (stmt(db, `SELECT 1 FROM tools WHERE slug = ?`).get(identity.slug))
      throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: identity.slug } }]);
    // A bulk import may keep the id a row had in another register (a restore or a move); it
    // must be free. Otherwise the counter's next free id, which such ids never move.
    if (id && (!isToolId(id) || toolIdTaken(id, db)))
      throw invalid([isToolId(id) ? { code: "err_tool_id_taken", path: "identity.id", params: { id: id } } : { code: "err_tool_id_format", path: "identity.id" }]);
    const toolId = id ?? allocateToolId(db);
    const record = newDraftRecord({ ...identity, id: toolId }, actor.agencySlug!);
    const json = canonicalJson(record);
    const tool = stmt(
      db,
      `INSERT INTO tools (id, slug, kind, jurisdiction_level, policy_domain, deployment_status, review_status, owner_agency_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'proposed', 'draft', ?, ?, ?) RETURNING seq`,
    ).get(toolId, identity.slug, identity.kind, identity.jurisdiction.level, identity.policyDomain, actor.agencyId, at, at) as { seq: number };
    stmt(db, `INSERT INTO revisions (tool_seq, number, status, record, record_sha256, created_at, created_by) VALUES (?, 1, 'draft', ?, ?, ?, ?)`).run(
      tool.seq,
      json,
      sha256(json),
      at,
      actor.id,
    );
    return { toolId };
  }).immediate(); // under the write lock from the start: no other process takes the id between
}

/** A new draft without a slug gets one made from its name (registry/standard/slug-proposal.ts). */
function withProposedSlug(input: unknown, taken: (slug: string) => boolean): unknown {
  if (!input || typeof input !== "object") return input;
  const identity = (input as { identity?: unknown }).identity;
  if (!identity || typeof identity !== "object") return input;
  const { slug, name } = identity as { slug?: unknown; name?: { zh?: string; en?: string } };
  if (typeof slug === "string" ? slug.trim() !== "" : slug !== undefined && slug !== null) return input;
  const proposed = proposeSlug(name && typeof name === "object" ? name : undefined, taken);
  return proposed ? { ...input, identity: { ...identity, slug: proposed } } : input;
}

/** The schema of each section an official edits one at a time (the sections: registry/standard/sections.ts). */
export const SECTION_SCHEMAS = {
  identity: Identity,
  responsibility: Responsibility,
  purpose: Purpose,
  purposeHistory: PurposeHistoryList,
  howItWorks: HowItWorks,
  dataScope: DataScope,
  oversight: Oversight,
  lifecycle: Lifecycle,
  assessments: Assessments,
  participation: Participation,
  incidents: IncidentList,
  withheld: WithheldList,
  sources: SourceList,
} as const satisfies Record<SectionName, unknown>;
export type { SectionName };

/** Saves one section of the actor's draft after validating it; the rest of the draft is kept. */
export async function saveDraftSection(ctx: Ctx, input: unknown): Promise<void> {
  saveDraftSectionNow(ctx, input);
}

/** saveDraftSection without the async boundary, for commands composed in one transaction (the bulk import). */
export function saveDraftSectionNow(ctx: Ctx, input: unknown): void {
  const { actor, db } = ctx;
  const { toolId, section, value: given } = parseInput(SaveSectionInput, input);
  let value: unknown = given;
  return underWriteLock(db, () => {
    const t = load(db, toolId);
    guard(actor, t, "edit_draft");
    const schema = Object.hasOwn(SECTION_SCHEMAS, section) ? SECTION_SCHEMAS[section as SectionName] : undefined;
    if (!schema) throw invalid([{ code: "err_section_unknown", path: "section", params: { section: String(section) } }]);
    // Fields the workflow owns are filled in here, not by the form.
    if (value && typeof value === "object" && !Array.isArray(value)) {
      const v = value as Record<string, unknown>;
      if (section === "lifecycle") value = { ...v, reviewStatus: "draft" };
      if (section === "identity") value = { originalLanguage: t.revision.record.identity?.originalLanguage ?? "zh", id: t.id, ...v };
    }
    const parsed = (schema as z.ZodType).safeParse(value);
    if (!parsed.success) throw invalid(zodIssues(parsed.error, section));
    let data = parsed.data as Record<string, unknown>;
    if (section === "identity") {
      if ((data as { id: string }).id !== t.id) throw invalid([{ code: "err_tool_id_immutable", path: "identity.id" }]);
      const clash = stmt(db, `SELECT id FROM tools WHERE slug = ? AND id <> ?`).get((data as { slug: string }).slug, t.id) as { id: string } | undefined;
      if (clash) throw invalid([{ code: "err_slug_taken", path: "identity.slug", params: { slug: (data as { slug: string }).slug, tool: clash.id } }]);
    }
    if (section === "lifecycle") data = { ...data, reviewStatus: "draft" };
    // A draft is this register's own record: it states its status (not_stated is for mirrored records only).
    if (section === "lifecycle" && !(OWN_DEPLOYMENT_STATUSES as readonly string[]).includes(String(data.deploymentStatus)))
      throw invalid([{ code: "err_status_not_stated_own", path: "lifecycle.deploymentStatus" }]);
    // A section that uses a field version 1.1 added moves a record of version 1 to 1.1.
    const record = versionFor({ ...t.revision.record, [section]: data });
    const tooLarge = recordSizeProblem(record);
    if (tooLarge) throw invalid([{ code: "err_record_too_large", path: section, params: tooLarge }]);
    const json = canonicalJson(record);
    db.$client.transaction(() => {
      stmt(db, `UPDATE revisions SET record = ?, record_sha256 = ? WHERE id = ? AND status = 'draft'`).run(json, sha256(json), t.revision.id);
    })();
  });
}

/** The actor's draft of a tool, for the edit form. */
export async function getDraft(ctx: Ctx, query: { toolId: string }): Promise<{ toolId: string; number: number; record: ToolRecordInput }> {
  const { actor, db } = ctx;
  const t = load(db, parseInput(ToolInput, query).toolId);
  guard(actor, t, "edit_draft");
  return { toolId: t.id, number: t.revision.number, record: t.revision.record };
}
