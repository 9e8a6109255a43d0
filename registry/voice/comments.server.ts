// Public comments: anyone may comment on a public (non-draft) record without an account;
// reviewers moderate; the responsible agency's officials reply. Moderation decisions and
// replies are events in the tamper-evident log. The form promises commenters that their contact
// e-mail is for the agency only: it leaves this module only through commentContactsForAgency(),
// to officials of the tool's owning agency; moderators, admins and the public never get it.
import { RegistryError, invalid } from "../shared/errors";
import { z } from "zod";
import { type Ctx, parseInput, ToolRef } from "../shared/context";
import { getDb, stmt, type Db } from "../shared/db.server";
import { appendEvent } from "../log/log.server";
import { publicActor, type Actor } from "../auth/roles";
import { addressHash, overPostLimit, POSTS_PER_ADDRESS_PER_MINUTE } from "./public-posts.server";
import { cursorPage, idKeysetFetch, PageQuery, type CursorPage } from "../shared/cursor-page";

export const COMMENT_LIMITS = { bodyMax: 4000, links: 2, nameMax: 60, perAddressPerMinute: POSTS_PER_ADDRESS_PER_MINUTE } as const;
/** Without a form token, the same text from the same address on the same tool within this window is stored once. */
export const COMMENT_REPEAT_WINDOW_MS = 10 * 60_000;

const PostCommentInput = z.object({ toolId: z.string().max(200), comment: z.unknown() }).strict();
const ToolQuery = z.object({ toolId: ToolRef }).strict();
// The decision and reason are checked below with their own messages.
const ModerateInput = z.object({ commentId: z.coerce.number().int(), decision: z.string().max(20), reason: z.string().max(100_000).optional() }).strict();
const ReplyInput = z.object({ commentId: z.coerce.number().int(), body: z.unknown() }).strict();
/** The form token the browser makes (a UUID or 32 hex digits); anything else is ignored. */
const TOKEN = /^[A-Za-z0-9-]{16,64}$/;
const LINK = /\b(?:https?:\/\/|www\.)/gi;

export const PublicCommentSchema = z
  .object({
    body: z
      .string({ message: "commentBodyRequired" })
      .trim()
      .min(1, "commentBodyRequired")
      .max(COMMENT_LIMITS.bodyMax, "commentBodyTooLong")
      .refine((b) => (b.match(LINK) ?? []).length <= COMMENT_LIMITS.links, "commentTooManyLinks"),
    displayName: z.string().trim().max(COMMENT_LIMITS.nameMax, "commentNameTooLong").optional(),
    contactEmail: z.union([z.literal(""), z.string().trim().toLowerCase().email("commentEmailInvalid").max(200, "commentEmailInvalid")]).optional(),
    /** The honeypot: a field people never see and bots fill in. */
    website: z.string().max(0, "commentRejected").optional(),
    /** The form's resubmission token, made in the browser; a malformed one counts as none. */
    token: z.string().regex(TOKEN).optional().catch(undefined),
  })
  .strict();
export type PublicCommentInput = z.input<typeof PublicCommentSchema>;

export type CommentResult =
  /** `repeated`: the same form was sent again; nothing new was stored, `id` is the first copy. */
  | { ok: true; id: number; repeated?: true }
  | { ok: false; reason: "invalid"; fields: Record<string, string> }
  | { ok: false; reason: "rate_limited" }
  | { ok: false; reason: "not_found" };


/**
 * Stores a comment for moderation. Validation, the honeypot and the per-address rate limit are
 * checked first; the comment is written in one statement, so it is stored whole or not at all.
 *
 * A resubmitted form (a double click, a reload, going back and sending again) is stored once and
 * answered as the first copy was:
 * - with a token (the form makes one in the browser, so it differs per visitor even when the
 *   page came from the page cache): a comment already stored with that token, on the same tool
 *   and with the same text, is the same submission. A token reused for another text or tool
 *   (the page was kept and edited) does not hide the new comment: it is stored without a token.
 * - without a token (no JavaScript): the same text from the same address on the same tool
 *   within COMMENT_REPEAT_WINDOW_MS is the same submission.
 */
export async function postComment(ctx: Ctx, input: unknown): Promise<CommentResult> {
  const { db } = ctx;
  const { toolId, comment } = parseInput(PostCommentInput, input);
  if (toolId.length > 20) return { ok: false, reason: "not_found" };
  const tool = stmt(
    db,
    `SELECT t.seq, r.number FROM tools t JOIN revisions r ON r.id = t.published_revision_id WHERE t.id = ?`,
  ).get(toolId.toUpperCase()) as { seq: number; number: number } | undefined;
  if (!tool) return { ok: false, reason: "not_found" };
  const parsed = PublicCommentSchema.safeParse(comment);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const i of parsed.error.issues) fields[String(i.path[0] ?? "body")] ??= i.message;
    return { ok: false, reason: "invalid", fields };
  }
  const address = addressHash("comment", ctx.address ?? "", db);
  return db.$client.transaction((): CommentResult => {
    const c = parsed.data;
    let token = c.token ?? null;
    if (token) {
      const first = stmt(db, `SELECT id, tool_seq, body FROM comments WHERE client_token = ?`).get(token) as { id: number; tool_seq: number; body: string } | undefined;
      if (first && first.tool_seq === tool.seq && first.body === c.body) return { ok: true, id: first.id, repeated: true };
      if (first) token = null;
    } else {
      const since = new Date(ctx.now.getTime() - COMMENT_REPEAT_WINDOW_MS).toISOString();
      const first = stmt(
        db,
        `SELECT id FROM comments WHERE address_hash = ? AND created_at > ? AND tool_seq = ? AND body = ? ORDER BY id LIMIT 1`,
      ).get(address, since, tool.seq, c.body) as { id: number } | undefined;
      if (first) return { ok: true, id: first.id, repeated: true };
    }
    if (overPostLimit(db, "comments", address, ctx.now)) return { ok: false, reason: "rate_limited" };
    const row = stmt(
      db,
      `INSERT INTO comments (tool_seq, revision_number, display_name, contact_email, body, status, address_hash, created_at, client_token)
       VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?) RETURNING id`,
    ).get(tool.seq, tool.number, c.displayName || null, c.contactEmail || null, c.body, address, ctx.now.toISOString(), token) as { id: number };
    return { ok: true, id: row.id };
  }).immediate();
}

export type PublicComment = {
  id: number;
  displayName: string | null;
  body: string | null;
  status: "published" | "removed";
  removalReason: string | null;
  createdAt: string;
  revision: number;
  replies: { id: number; body: string; agency: string; createdAt: string }[];
};

/** What the public sees: published comments, and removed ones as "removed: reason" without their text. */
export function listPublicComments(toolId: string, db: Db = getDb()): PublicComment[] {
  const rows = stmt(
    db,
    `SELECT c.id, c.display_name, c.body, c.status, c.removal_reason, c.created_at, c.revision_number
     FROM comments c JOIN tools t ON t.seq = c.tool_seq
     WHERE t.id = ? AND t.published_revision_id IS NOT NULL AND c.status IN ('published', 'removed') ORDER BY c.id`,
  ).all(toolId.toUpperCase()) as { id: number; display_name: string | null; body: string; status: "published" | "removed"; removal_reason: string | null; created_at: string; revision_number: number }[];
  if (!rows.length) return [];
  const replies = stmt(
    db,
    `SELECT id, comment_id, body, agency_slug, created_at FROM comment_replies WHERE comment_id IN (${rows.map(() => "?").join(", ")}) ORDER BY id`,
  ).all(...rows.map((r) => r.id)) as { id: number; comment_id: number; body: string; agency_slug: string; created_at: string }[];
  return rows.map((r) => ({
    id: r.id,
    displayName: r.status === "published" ? r.display_name : null,
    body: r.status === "published" ? r.body : null,
    status: r.status,
    removalReason: r.removal_reason,
    createdAt: r.created_at,
    revision: r.revision_number,
    replies: replies.filter((x) => x.comment_id === r.id).map((x) => ({ id: x.id, body: x.body, agency: x.agency_slug, createdAt: x.created_at })),
  }));
}

export type PendingComment = { id: number; toolId: string; toolName: { zh?: string; en?: string }; displayName: string | null; body: string; createdAt: string };

const PendingKey = z.tuple([z.number().int().min(0)]);
type PendingRow = { id: number; tool_id: string; name_zh: string | null; name_en: string | null; display_name: string | null; body: string; created_at: string };

/**
 * The moderation queue, oldest first, a page at a time after an opaque cursor
 * (registry/shared/cursor-page.ts). Reviewers only; without contact e-mails (they are the agency's).
 */
export async function listPendingComments(ctx: Ctx, query: { cursor?: string | null; size?: number } = {}): Promise<CursorPage<PendingComment>> {
  const { actor, db } = ctx;
  if (!actor || actor.role !== "reviewer") throw new RegistryError("forbidden");
  const { cursor, size } = parseInput(PageQuery, query);
  const select = (where: string, order: "ASC" | "DESC", args: number[], limit: number) =>
    stmt(
      db,
      `SELECT c.id, t.id AS tool_id, t.name_zh, t.name_en, c.display_name, c.body, c.created_at
       FROM comments c JOIN tools t ON t.seq = c.tool_seq WHERE c.status = 'pending' ${where} ORDER BY c.id ${order} LIMIT ?`,
    ).all(...args, limit) as PendingRow[];
  const page = cursorPage<PendingRow, [number]>({
    cursor,
    size,
    order: "pending_comments",
    query: {},
    key: PendingKey,
    keyOf: (r) => [r.id],
    total: (stmt(db, `SELECT count(*) AS n FROM comments WHERE status = 'pending'`).get() as { n: number }).n,
    fetch: idKeysetFetch("c.id", select),
  });
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      toolId: r.tool_id,
      toolName: { ...(r.name_zh ? { zh: r.name_zh } : {}), ...(r.name_en ? { en: r.name_en } : {}) },
      displayName: r.display_name,
      body: r.body,
      createdAt: r.created_at,
    })),
  };
}

/**
 * The contact e-mails left with a tool's published comments (comment id -> e-mail), for an
 * official of the tool's owning agency, where that agency reads and answers them. Anyone else
 * gets nothing: reviewers, admins, officials of co-responsible agencies, and everyone for an
 * editorial record (no owning agency).
 */
export async function commentContactsForAgency(ctx: Ctx, query: { toolId: string }): Promise<Record<number, string>> {
  const { actor, db } = ctx;
  const { toolId } = parseInput(ToolQuery, query);
  if (!actor || actor.role !== "official" || actor.agencyId === null || toolId.length > 20) return {};
  const rows = stmt(
    db,
    `SELECT c.id, c.contact_email FROM comments c JOIN tools t ON t.seq = c.tool_seq
     WHERE t.id = ? AND t.owner_agency_id IS NOT NULL AND t.owner_agency_id = ? AND c.status = 'published' AND c.contact_email IS NOT NULL ORDER BY c.id`,
  ).all(toolId.toUpperCase(), actor.agencyId) as { id: number; contact_email: string }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.contact_email]));
}

export const MODERATIONS = ["publish", "remove", "spam"] as const;
export type Moderation = (typeof MODERATIONS)[number];
const MODERATED_STATUS: Record<Moderation, string> = { publish: "published", remove: "removed", spam: "spam" };

/** A reviewer publishes, removes (with a public reason) or marks a pending comment as spam. */
export async function moderateComment(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  const { commentId, decision: chosen, reason } = parseInput(ModerateInput, input);
  const decision = chosen as Moderation;
  if (!actor || actor.role !== "reviewer") throw new RegistryError("forbidden");
  if (!MODERATIONS.includes(decision)) throw invalid([{ code: "commentModerationChoose", path: "decision" }]);
  const why = reason?.trim() ?? "";
  if (decision === "remove" && (!why || why.length > 500)) throw invalid([{ code: "commentRemovalReasonRequired", path: "reason" }]);
  const c = stmt(db, `SELECT c.id, c.status, c.tool_seq, t.id AS tool_id FROM comments c JOIN tools t ON t.seq = c.tool_seq WHERE c.id = ?`).get(commentId) as
    | { id: number; status: string; tool_seq: number; tool_id: string }
    | undefined;
  if (!c) throw new RegistryError("not_found");
  if (c.status !== "pending") throw new RegistryError("wrong_state");
  const at = now.toISOString();
  db.$client.transaction(() => {
    stmt(db, `UPDATE comments SET status = ?, removal_reason = ?, moderated_at = ?, moderated_by = ? WHERE id = ? AND status = 'pending'`).run(
      MODERATED_STATUS[decision],
      decision === "remove" ? why : null,
      at,
      actor.id,
      commentId,
    );
    if (decision === "publish") stmt(db, `UPDATE tools SET comment_count = comment_count + 1 WHERE seq = ?`).run(c.tool_seq);
    // Spam is logged without its text; a removal's reason is public anyway.
    appendEvent(
      { kind: "comment_moderated", toolId: c.tool_id, actor: publicActor(actor), at, payload: { comment: commentId, decision, ...(decision === "remove" ? { reason: why } : {}) } },
      db,
    );
  })();
}

/** An official of one of the tool's responsible agencies answers a published comment. */
export async function replyToComment(ctx: Ctx, input: unknown): Promise<void> {
  const { actor, now, db } = ctx;
  const { commentId, body } = parseInput(ReplyInput, input);
  if (!actor || actor.role !== "official" || actor.agencyId === null || !actor.agencySlug) throw new RegistryError("forbidden");
  const c = stmt(db, `SELECT c.id, c.status, c.tool_seq, t.id AS tool_id, t.owner_agency_id FROM comments c JOIN tools t ON t.seq = c.tool_seq WHERE c.id = ?`).get(commentId) as
    | { id: number; status: string; tool_seq: number; tool_id: string; owner_agency_id: number | null }
    | undefined;
  if (!c) throw new RegistryError("not_found");
  const responsible =
    c.owner_agency_id === actor.agencyId || Boolean(stmt(db, `SELECT 1 FROM tool_agencies WHERE tool_seq = ? AND agency_id = ?`).get(c.tool_seq, actor.agencyId));
  if (!responsible) throw new RegistryError("forbidden");
  if (c.status !== "published") throw new RegistryError("wrong_state");
  const text = typeof body === "string" ? body.trim() : "";
  if (!text) throw invalid([{ code: "commentReplyRequired", path: "body" }]);
  if (text.length > COMMENT_LIMITS.bodyMax) throw invalid([{ code: "commentBodyTooLong", path: "body" }]);
  const at = now.toISOString();
  db.$client.transaction(() => {
    const r = stmt(db, `INSERT INTO comment_replies (comment_id, body, author_id, agency_slug, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id`).get(
      commentId,
      text,
      actor.id,
      actor.agencySlug,
      at,
    ) as { id: number };
    appendEvent({ kind: "comment_replied", toolId: c.tool_id, actor: publicActor(actor), at, payload: { comment: commentId, reply: r.id } }, db);
  })();
}
