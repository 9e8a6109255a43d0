// A signed-in person's inbox and notice settings. Each person sees and marks only their own
// notices; nothing here is public, logged or exported.
import { z } from "zod";
import { type Ctx, parseInput } from "../shared/context";
import { stmt } from "../shared/db.server";
import { RegistryError } from "../shared/errors";
import type { Actor } from "../auth/roles";
import { prefsOf, type NoticeKind, type NoticeParams } from "./notices.server";
import { cursorPage, idKeysetFetch, PageQuery, type CursorPage } from "../shared/cursor-page";

export const INBOX_PAGE_SIZE = 50;

export type Notice = { id: number; kind: NoticeKind; toolId: string | null; params: NoticeParams; createdAt: string; readAt: string | null };
export type Inbox = { notices: Notice[]; unread: number; total: number; paging: Omit<CursorPage<Notice>, "items"> };

function signedIn(actor: Actor | null): Actor {
  if (!actor) throw new RegistryError("forbidden");
  return actor;
}

function parseParams(text: string): NoticeParams {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as NoticeParams) : {};
  } catch {
    return {};
  }
}

/** How many of the person's notices are unread (the header's count). */
export async function unreadNoticeCount(ctx: Ctx): Promise<number> {
  const actor = signedIn(ctx.actor);
  return (stmt(ctx.db, `SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL`).get(actor.id) as { n: number }).n;
}

type NoticeRow = { id: number; kind: NoticeKind; tool_id: string | null; params: string; created_at: string; read_at: string | null };
const NoticeKey = z.tuple([z.number().int().min(0)]);

/** The person's notices, newest first, a page at a time after an opaque cursor (registry/shared/cursor-page.ts). */
export async function listNotices(ctx: Ctx, query: { cursor?: string | null; size?: number } = {}): Promise<Inbox> {
  const actor = signedIn(ctx.actor);
  const { db } = ctx;
  const { cursor, size } = parseInput(PageQuery, query);
  const total = (stmt(db, `SELECT count(*) AS n FROM notifications WHERE user_id = ?`).get(actor.id) as { n: number }).n;
  // Newest first: "after" a notice is an older one (a smaller id).
  const select = (where: string, order: "ASC" | "DESC", args: number[], limit: number) =>
    stmt(db, `SELECT id, kind, tool_id, params, created_at, read_at FROM notifications WHERE user_id = ? ${where} ORDER BY id ${order} LIMIT ?`).all(actor.id, ...args, limit) as NoticeRow[];
  const { items, ...paging } = cursorPage<NoticeRow, [number]>({
    cursor,
    size: size ?? INBOX_PAGE_SIZE,
    order: "inbox",
    query: {},
    key: NoticeKey,
    keyOf: (r) => [r.id],
    total,
    fetch: idKeysetFetch("id", select, { newestFirst: true }),
  });
  return {
    notices: items.map((r) => ({ id: r.id, kind: r.kind, toolId: r.tool_id, params: parseParams(r.params), createdAt: r.created_at, readAt: r.read_at })),
    unread: await unreadNoticeCount(ctx),
    total,
    paging,
  };
}

const MarkInput = z.union([z.object({ all: z.literal(true) }).strict(), z.object({ id: z.coerce.number().int().positive() }).strict()]);

/** Marks one of the person's notices, or all of them, as read. Another person's notice is not_found. */
export async function markNoticesRead(ctx: Ctx, input: unknown): Promise<number> {
  const actor = signedIn(ctx.actor);
  const what = parseInput(MarkInput, input);
  const at = ctx.now.toISOString();
  if ("all" in what) return stmt(ctx.db, `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL`).run(at, actor.id).changes;
  const own = stmt(ctx.db, `SELECT read_at FROM notifications WHERE id = ? AND user_id = ?`).get(what.id, actor.id) as { read_at: string | null } | undefined;
  if (!own) throw new RegistryError("not_found");
  return stmt(ctx.db, `UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL`).run(at, what.id, actor.id).changes;
}

export type NoticeSettings = { emailNotices: boolean; lang: "zh" | "en" };

export async function noticeSettings(ctx: Ctx): Promise<NoticeSettings> {
  return prefsOf(ctx.db, signedIn(ctx.actor).id);
}

const SettingsInput = z.object({ emailNotices: z.boolean(), lang: z.enum(["zh", "en"]) }).strict();

/** Mail on or off and the mail's language. Turning mail off also drops the person's unsent mails. */
export async function setNoticeSettings(ctx: Ctx, input: unknown): Promise<NoticeSettings> {
  const actor = signedIn(ctx.actor);
  const s = parseInput(SettingsInput, input);
  const { db } = ctx;
  db.$client.transaction(() => {
    stmt(
      db,
      `INSERT INTO notice_prefs (user_id, email_notices, lang, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(user_id) DO UPDATE SET email_notices = excluded.email_notices, lang = excluded.lang, updated_at = excluded.updated_at`,
    ).run(actor.id, s.emailNotices ? 1 : 0, s.lang, ctx.now.toISOString());
    if (!s.emailNotices)
      stmt(db, `DELETE FROM mail_outbox WHERE status = 'pending' AND notification_id IN (SELECT id FROM notifications WHERE user_id = ?)`).run(actor.id);
  })();
  return s;
}
