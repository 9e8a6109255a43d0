// Public reports: "there is a problem with this record" and "this tool is in use but not
// registered". Anyone may report without an account; reviewers and admins work the queue.
// Decisions are logged; confirmed unregistered tools are published as "known but unregistered".
import { RegistryError, invalid } from "../shared/errors";
import { z } from "zod";
import { type Ctx, parseInput } from "../shared/context";
import { getDb, stmt, type Db } from "../shared/db.server";
import { appendEvent } from "../log/log.server";
import { publicActor, type Actor } from "../auth/roles";
import { addressHash, overPostLimit } from "./public-posts.server";
import { cursorPage, idKeysetFetch, PageQuery, type CursorPage } from "../shared/cursor-page";

export const REPORT_KINDS = ["record_problem", "unregistered_tool"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const REPORT_STATUSES = ["new", "confirmed", "dismissed"] as const;

const text = (max: number, tooLong: string, missing = tooLong) => z.string({ message: missing }).trim().max(max, tooLong);
const optionalUrl = z.union([
  z.literal(""),
  z
    .string()
    .trim()
    .max(2000, "reportUrlInvalid")
    .refine((u) => /^https?:\/\/[^\s]+$/i.test(u), "reportUrlInvalid"),
]);

export const RecordProblemSchema = z
  .object({
    description: text(4000, "reportDescriptionTooLong", "reportDescriptionRequired").min(1, "reportDescriptionRequired"),
    evidenceUrl: optionalUrl.optional(),
    contactEmail: z.union([z.literal(""), z.string().trim().toLowerCase().email("commentEmailInvalid").max(200, "commentEmailInvalid")]).optional(),
    website: z.string().max(0, "commentRejected").optional(),
  })
  .strict();

export const UnregisteredToolSchema = RecordProblemSchema.extend({
  toolName: text(300, "reportNameTooLong", "reportToolNameRequired").min(1, "reportToolNameRequired"),
  operator: text(300, "reportNameTooLong").optional(),
  place: text(300, "reportNameTooLong").optional(),
}).strict();

const SubmitReportInput = z.object({ kind: z.enum(REPORT_KINDS), toolId: z.string().max(200).optional(), report: z.unknown() }).strict();
// The decision is checked below with its own message.
const ResolveInput = z.object({ id: z.coerce.number().int(), decision: z.string().max(20), reason: z.unknown() }).strict();

export type ReportResult = { ok: true; id: number } | { ok: false; reason: "invalid"; fields: Record<string, string> } | { ok: false; reason: "rate_limited" | "not_found" };


/** Stores a report after validation, the honeypot and the per-address limit. */
export async function submitReport(ctx: Ctx, input: unknown): Promise<ReportResult> {
  const { db, now } = ctx;
  const { kind, toolId, report } = parseInput(SubmitReportInput, input);
  let toolSeq: number | null = null;
  if (kind === "record_problem") {
    const tool = toolId && toolId.length <= 20 ? (stmt(db, `SELECT seq FROM tools WHERE id = ? AND published_revision_id IS NOT NULL`).get(toolId.toUpperCase()) as { seq: number } | undefined) : undefined;
    if (!tool) return { ok: false, reason: "not_found" };
    toolSeq = tool.seq;
  }
  const parsed = (kind === "record_problem" ? RecordProblemSchema : UnregisteredToolSchema).safeParse(report);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[String(i.path[0] ?? "description")] ??= i.message;
    return { ok: false, reason: "invalid", fields };
  }
  const r = parsed.data as z.output<typeof UnregisteredToolSchema>;
  const address = addressHash("report", ctx.address ?? "", db);
  return db.$client.transaction((): ReportResult => {
    if (overPostLimit(db, "reports", address, now)) return { ok: false, reason: "rate_limited" };
    const row = stmt(
      db,
      `INSERT INTO reports (kind, tool_seq, tool_name, operator, place, description, evidence_url, contact_email, status, address_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'new', ?, ?) RETURNING id`,
    ).get(kind, toolSeq, r.toolName ?? null, r.operator || null, r.place || null, r.description, r.evidenceUrl || null, r.contactEmail || null, address, now.toISOString()) as { id: number };
    return { ok: true, id: row.id };
  }).immediate();
}

export type QueuedReport = {
  id: number;
  kind: ReportKind;
  toolId: string | null;
  toolName: string | null;
  operator: string | null;
  place: string | null;
  description: string;
  evidenceUrl: string | null;
  contactEmail: string | null;
  status: string;
  resolution: string | null;
  createdAt: string;
};

function mayHandle(actor: Actor | null): actor is Actor {
  return actor !== null && (actor.role === "reviewer" || actor.role === "admin");
}

type ReportRow = { id: number; kind: ReportKind; tool_id: string | null; tool_name: string | null; operator: string | null; place: string | null; description: string; evidence_url: string | null; contact_email: string | null; status: string; resolution: string | null; created_at: string };
const ReportKey = z.tuple([z.number().int().min(0)]);

/**
 * The report queue for reviewers and admins, by status (default: new), oldest first, a page at
 * a time after an opaque cursor (registry/shared/cursor-page.ts).
 */
export async function listReports(ctx: Ctx, query: { status?: string; cursor?: string | null; size?: number } = {}): Promise<CursorPage<QueuedReport>> {
  const { actor, db } = ctx;
  const status = query.status ?? "new";
  if (!mayHandle(actor)) throw new RegistryError("forbidden");
  const { cursor, size } = parseInput(PageQuery, { cursor: query.cursor, size: query.size });
  const s = (REPORT_STATUSES as readonly string[]).includes(status) ? status : "new";
  const select = (where: string, order: "ASC" | "DESC", args: number[], limit: number) =>
    stmt(
      db,
      `SELECT r.id, r.kind, t.id AS tool_id, r.tool_name, r.operator, r.place, r.description, r.evidence_url, r.contact_email, r.status, r.resolution, r.created_at
       FROM reports r LEFT JOIN tools t ON t.seq = r.tool_seq WHERE r.status = ? ${where} ORDER BY r.id ${order} LIMIT ?`,
    ).all(s, ...args, limit) as ReportRow[];
  const page = cursorPage<ReportRow, [number]>({
    cursor,
    size,
    order: "reports",
    query: { status: s },
    key: ReportKey,
    keyOf: (r) => [r.id],
    total: (stmt(db, `SELECT count(*) AS n FROM reports WHERE status = ?`).get(s) as { n: number }).n,
    fetch: idKeysetFetch("r.id", select),
  });
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      kind: r.kind,
      toolId: r.tool_id,
      toolName: r.tool_name,
      operator: r.operator,
      place: r.place,
      description: r.description,
      evidenceUrl: r.evidence_url,
      contactEmail: r.contact_email,
      status: r.status,
      resolution: r.resolution,
      createdAt: r.created_at,
    })),
  };
}

/** Confirms or dismisses a new report; a dismissal needs a reason. Logged. */
export async function resolveReport(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  const { id, decision, reason } = parseInput(ResolveInput, input);
  if (!mayHandle(actor)) throw new RegistryError("forbidden");
  if (decision !== "confirm" && decision !== "dismiss") throw invalid([{ code: "reportChooseDecision", path: "decision" }]);
  const why = typeof reason === "string" ? reason.trim() : "";
  if (decision === "dismiss" && !why) throw invalid([{ code: "reportReasonRequired", path: "reason" }]);
  if (why.length > 1000) throw invalid([{ code: "reportDescriptionTooLong", path: "reason" }]);
  const r = stmt(db, `SELECT r.id, r.kind, r.status, t.id AS tool_id FROM reports r LEFT JOIN tools t ON t.seq = r.tool_seq WHERE r.id = ?`).get(id) as
    | { id: number; kind: string; status: string; tool_id: string | null }
    | undefined;
  if (!r) throw new RegistryError("not_found");
  if (r.status !== "new") throw new RegistryError("wrong_state");
  const at = now.toISOString();
  db.$client.transaction(() => {
    stmt(db, `UPDATE reports SET status = ?, resolution = ?, handled_at = ?, handled_by = ? WHERE id = ? AND status = 'new'`).run(
      decision === "confirm" ? "confirmed" : "dismissed",
      why || null,
      at,
      actor.id,
      id,
    );
    appendEvent({ kind: "report_resolved", toolId: r.tool_id, actor: publicActor(actor), at, payload: { report: id, reportKind: r.kind, decision, ...(why ? { reason: why } : {}) } }, db);
  })();
}

export type UnregisteredTool = { id: number; toolName: string; operator: string | null; place: string | null; description: string; evidenceUrl: string | null; confirmedAt: string; note: string | null };

/** Tools the public reported and a reviewer confirmed as in use but not registered. */
export async function listKnownUnregistered(ctx: Ctx): Promise<UnregisteredTool[]> {
  const { db } = ctx;
  const rows = stmt(
    db,
    `SELECT id, tool_name, operator, place, description, evidence_url, handled_at, resolution FROM reports
     WHERE kind = 'unregistered_tool' AND status = 'confirmed' ORDER BY handled_at DESC, id DESC`,
  ).all() as { id: number; tool_name: string; operator: string | null; place: string | null; description: string; evidence_url: string | null; handled_at: string; resolution: string | null }[];
  return rows.map((r) => ({ id: r.id, toolName: r.tool_name, operator: r.operator, place: r.place, description: r.description, evidenceUrl: r.evidence_url, confirmedAt: r.handled_at, note: r.resolution }));
}
