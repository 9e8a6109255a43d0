// Cursor pages of the staff queues (registry/shared/cursor-page.ts): a walk by `next` visits
// every item exactly once in the queue's order, also when items are handled or added between
// pages; `prev` walks back; a cursor that is not this queue's, or is for other filters, shows
// the first page with a notice instead of an error.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { DEMO_PASSWORD, seedId } from "../helpers/seed";
import { callLoader } from "./load";
import { ctxOf } from "../../registry/shared/context";
import { login } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import { listPendingComments, moderateComment } from "../../registry/voice/comments.server";
import { listReports } from "../../registry/voice/reports.server";
import type { CursorPage } from "../../registry/shared/cursor-page";
import { encodeCursor, queryFingerprint } from "../../registry/exchange/api/cursor";
import * as moderation from "~/routes/review.comments";
import * as reportsPage from "~/routes/reports._index";
import * as reviewPage from "~/routes/review._index";
import { completeSections, newIdentity } from "../helpers/factories";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { listAgencyWork, reviewQueue, reviewQueuePage, type QueueItem } from "../../registry/review/queues.server";
import * as draftsPage from "~/routes/drafts._index";
import * as inboxPage from "~/routes/inbox";
import { listNotices } from "../../registry/notify/inbox.server";
import type { SectionName } from "../../registry/standard/sections";

const getDb = useFreshDb();
const now = new Date("2026-05-01T10:00:00Z");
const reviewer = () => actorByEmail("reviewer.samr@register.example");

function addComments(n: number, from = 0): void {
  const db = getDb().$client;
  const seq = (db.prepare(`SELECT seq FROM tools WHERE id = ?`).get(seedId("shanghai-suishen-code")) as { seq: number }).seq;
  const insert = db.prepare(
    `INSERT INTO comments (tool_seq, revision_number, body, status, address_hash, created_at) VALUES (?, 1, ?, 'pending', 'test', ?)`,
  );
  for (let i = 0; i < n; i++) insert.run(seq, `comment ${from + i}`, now.toISOString());
}

function addReports(n: number, status = "new"): void {
  const insert = getDb().$client.prepare(
    `INSERT INTO reports (kind, tool_name, description, status, address_hash, created_at) VALUES ('unregistered_tool', ?, ?, ?, 'test', ?)`,
  );
  for (let i = 0; i < n; i++) insert.run(`tool ${i}`, `report ${i}`, status, now.toISOString());
}

/** Follows `next` to the end; `between` runs after each page. */
async function walk<T extends { id: unknown }>(read: (cursor: string | null) => Promise<CursorPage<T>>, between?: (page: number, items: T[]) => Promise<void>) {
  const pages: CursorPage<T>[] = [];
  for (let cursor: string | null = null; ; ) {
    const page = await read(cursor);
    pages.push(page);
    await between?.(pages.length, page.items);
    if (!page.next) break;
    cursor = page.next;
    if (pages.length > 100) throw new Error("the walk does not end");
  }
  return { pages, ids: pages.flatMap((p) => p.items.map((i): T["id"] => i.id)) };
}

async function as(email: string): Promise<RequestInit> {
  const r = await login(ctxOf({ address: "10.0.0.9" }), { email, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`cannot log in ${email}`);
  return { headers: { Cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]! } };
}

const pendingIds = () => (getDb().$client.prepare(`SELECT id FROM comments WHERE status = 'pending' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);

describe("the moderation queue", () => {
  it("walks 120 pending comments in pages of 50, each once, oldest first, and back", async () => {
    addComments(120);
    const expected = pendingIds();
    expect(expected.length).toBeGreaterThanOrEqual(120);
    const { pages, ids } = await walk((cursor) => listPendingComments(ctxOf({ actor: reviewer() }), { cursor }));
    expect(ids).toEqual(expected);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, expected.length - 100]);
    expect(pages.every((p) => p.total === expected.length && p.size === 50)).toBe(true);
    expect(pages.map((p) => [p.later, p.prev !== null, p.next !== null])).toEqual([
      [false, false, true],
      [true, true, true],
      [true, true, false],
    ]);
    // Back from the last page, by `prev`: the same pages.
    const back: number[][] = [];
    for (let cursor = pages[2]!.prev; cursor; ) {
      const page = await listPendingComments(ctxOf({ actor: reviewer() }), { cursor });
      back.unshift(page.items.map((c) => c.id));
      cursor = page.prev;
    }
    expect(back).toEqual(pages.slice(0, 2).map((p) => p.items.map((c) => c.id)));
  });

  it("keeps its place when comments are moderated or posted between pages", async () => {
    addComments(120);
    const before = pendingIds();
    const ahead: number[] = [];
    const { ids } = await walk(
      (cursor) => listPendingComments(ctxOf({ actor: reviewer() }), { cursor, size: 30 }),
      async (page, items) => {
        if (page !== 1 && page !== 3) return;
        // Moderate what this page showed and a few of the next page's; post more at the end.
        const next = before.filter((id) => id > items.at(-1)!.id).slice(0, 5);
        for (const commentId of [...items.slice(0, 10).map((c) => c.id), ...next])
          await moderateComment(ctxOf({ actor: reviewer(), now }), { commentId, decision: "publish", reason: undefined });
        ahead.push(...next);
        addComments(3, 1000 + page);
      },
    );
    const after = pendingIds();
    expect(new Set(ids).size).toBe(ids.length);
    // Everything still pending was seen, in order; nothing moderated before its page came up was shown.
    expect(ids.filter((id) => after.includes(id))).toEqual(after);
    expect(ids.filter((id) => ahead.includes(id))).toEqual([]);
    expect(ahead).toHaveLength(10);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // The comments posted during the walk come at the end, and are seen.
    expect(after.filter((id) => !before.includes(id))).toHaveLength(6);
  });

  it("shows the first page with a notice for a cursor that is not this queue's", async () => {
    addComments(60);
    const first = await listPendingComments(ctxOf({ actor: reviewer() }), {});
    const apiCursor = encodeCursor("incidents", queryFingerprint({}), ["2026-01-01", "ALG-000001", 0]);
    for (const cursor of ["nonsense!", "eyJ2IjoxfQ", apiCursor, "x".repeat(3000)]) {
      const page = await listPendingComments(ctxOf({ actor: reviewer() }), { cursor });
      expect(page.notice, cursor.slice(0, 20)).toBe("page_cursor_foreign");
      expect(page.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
    }
    // Through the page: 200, the notice worded, the first page.
    const data = await callLoader<{ pending: CursorPage<{ id: number }> }>(moderation.loader, `/review/comments?cursor=nonsense`, {}, await as("reviewer.samr@register.example"));
    expect(data.pending.notice).toBe("page_cursor_foreign");
    expect(data.pending.items.map((c) => c.id)).toEqual(first.items.map((c) => c.id));
  });
});

describe("the report queue", () => {
  it("walks 120 new reports once each, oldest first, with the queue's count", async () => {
    addReports(120);
    addReports(7, "dismissed");
    const { pages, ids } = await walk((cursor) => listReports(ctxOf({ actor: reviewer() }), { cursor }));
    const expected = (getDb().$client.prepare(`SELECT id FROM reports WHERE status = 'new' ORDER BY id`).all() as { id: number }[]).map((r) => r.id);
    expect(ids).toEqual(expected);
    expect(pages).toHaveLength(3);
    expect(pages[0]!.total).toBe(120);
    expect((await listReports(ctxOf({ actor: reviewer() }), { status: "dismissed" })).total).toBe(7);
  });

  it("a cursor of another status shows that status's first page with a notice", async () => {
    addReports(60);
    addReports(3, "dismissed");
    const next = (await listReports(ctxOf({ actor: reviewer() }), {})).next!;
    const other = await listReports(ctxOf({ actor: reviewer() }), { status: "dismissed", cursor: next });
    expect(other.notice).toBe("page_cursor_other_query");
    expect(other.items).toHaveLength(3);
    const data = await callLoader<{ reports: CursorPage<{ id: number }> }>(
      reportsPage.loader,
      `/reports?status=dismissed&cursor=${next}`,
      {},
      await as("admin@register.example"),
    );
    expect(data.reports.notice).toBe("page_cursor_other_query");
    expect(data.reports.items).toHaveLength(3);
    // The right cursor with the right status: the second page, no notice.
    const second = await callLoader<{ reports: CursorPage<{ id: number }> }>(reportsPage.loader, `/reports?cursor=${next}`, {}, await as("admin@register.example"));
    expect(second.reports.notice).toBeNull();
    expect(second.reports.items).toHaveLength(10);
  });
});

describe("the review queue", () => {
  const official = () => actorByEmail("official.shanghai@register.example");
  async function submit(slug: string, at: Date): Promise<string> {
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: at }), { identity: newIdentity(slug) });
    for (const [section, value] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" })))
      await saveDraftSection(ctxOf({ actor: official(), now: at }), { toolId, section: section as SectionName, value });
    await submitDraft(ctxOf({ actor: official(), now: at }), { toolId });
    return toolId;
  }

  it("walks the queue in its order (submitted, then id), each once, also when one is submitted meanwhile", async () => {
    // Two submitted at the same moment: the id breaks the tie.
    const times = [3, 1, 2, 2, 5, 4, 6].map((h) => new Date(now.getTime() + h * 3_600_000));
    for (const [i, at] of times.entries()) await submit(`queue-paging-${i}`, at);
    const ctx = () => ctxOf({ actor: reviewer(), now: new Date("2026-06-01T00:00:00Z") });
    const all = (await reviewQueue(ctx(), {})).map((i) => i.id);
    expect(all).toHaveLength(7);
    let late = "";
    const { pages, ids } = await walk<QueueItem>(
      (cursor) => reviewQueuePage(ctx(), { cursor, size: 3 }),
      async (page) => {
        if (page === 1) late = await submit("queue-paging-late", new Date(now.getTime() + 10 * 3_600_000));
      },
    );
    expect(ids).toEqual([...all, late]);
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 2]);
    // Filters are part of the cursor: another filter shows its first page, with a notice.
    const other = await reviewQueuePage(ctx(), { level: "IV", cursor: pages[0]!.next });
    expect(other.notice).toBe("page_cursor_other_query");
    const data = await callLoader<{ items: { id: string }[]; page: { notice: string | null; total: number } }>(
      reviewPage.loader,
      `/review?level=IV&cursor=${pages[0]!.next}`,
      {},
      await as("reviewer.samr@register.example"),
    );
    expect(data.page).toMatchObject({ notice: "page_cursor_other_query", total: 0 });
    const second = await callLoader<{ items: { id: string }[]; page: { notice: string | null } }>(reviewPage.loader, `/review?cursor=${pages[0]!.next}`, {}, await as("reviewer.samr@register.example"));
    expect(second.page.notice).toBeNull();
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(3, 8));
  });
});

describe("the agency's drafts list", () => {
  const official = () => actorByEmail("official.shanghai@register.example");
  it("walks the agency's tools newest first, each once, when drafts are started meanwhile", async () => {
    for (let i = 0; i < 9; i++) await createDraft(ctxOf({ actor: official(), now: new Date(now.getTime() + (i % 3) * 60_000) }), { identity: newIdentity(`drafts-paging-${i}`) });
    const ctx = () => ctxOf({ actor: official(), now });
    const all = await listAgencyWork(ctx(), { size: 500 });
    expect(all.paging).toMatchObject({ next: null, prev: null, later: false, total: all.items.length });
    expect(all.items.length).toBeGreaterThanOrEqual(9);
    const read = async (cursor: string | null) => {
      const { items, paging } = await listAgencyWork(ctx(), { cursor, size: 4 });
      return { items, ...paging };
    };
    const { pages, ids } = await walk(read, async (page) => {
      // Newer than everything: it goes above the pages already read, and shifts none of the rest.
      if (page === 1) await createDraft(ctxOf({ actor: official(), now: new Date(now.getTime() + 3_600_000) }), { identity: newIdentity("drafts-paging-late") });
    });
    expect(ids).toEqual(all.items.map((i) => i.id));
    expect(pages.length).toBe(Math.ceil(all.items.length / 4));
    expect(pages[0]!.items.map((i) => i.updatedAt)).toEqual([...pages[0]!.items.map((i) => i.updatedAt)].sort().reverse());
    // The page itself: the second page by the cursor; a foreign cursor gives the first with a notice.
    const cookie = await as("official.shanghai@register.example");
    const first = await callLoader<{ items: { id: string }[]; paging: { notice: string | null; next: string | null } }>(draftsPage.loader, `/drafts`, {}, cookie);
    const bad = await callLoader<{ items: { id: string }[]; paging: { notice: string | null } }>(draftsPage.loader, `/drafts?cursor=${pages[0]!.next!.slice(3)}`, {}, cookie);
    expect(bad.paging.notice).toBe("page_cursor_foreign");
    expect(bad.items).toEqual(first.items);
    const second = await callLoader<{ items: { id: string }[]; paging: { notice: string | null; later: boolean } }>(draftsPage.loader, `/drafts?cursor=${pages[0]!.next!}`, {}, cookie);
    expect(second.paging).toMatchObject({ notice: null, later: true });
    expect(second.items.map((i) => i.id)).toEqual(ids.slice(4));
  });
});

describe("the inbox", () => {
  it("walks a person's notices newest first, each once, when new ones arrive meanwhile", async () => {
    const db = getDb().$client;
    const me = reviewer();
    const add = (n: number) => {
      const insert = db.prepare(`INSERT INTO notifications (user_id, kind, tool_id, params, created_at) VALUES (?, 'submitted', NULL, '{}', ?)`);
      for (let i = 0; i < n; i++) insert.run(me.id, now.toISOString());
    };
    add(120);
    const expected = (db.prepare(`SELECT id FROM notifications WHERE user_id = ? ORDER BY id DESC`).all(me.id) as { id: number }[]).map((r) => r.id);
    const read = async (cursor: string | null) => {
      const inbox = await listNotices(ctxOf({ actor: me }), { cursor });
      return { items: inbox.notices, ...inbox.paging };
    };
    const { pages, ids } = await walk(read, async (page) => {
      if (page === 1) add(2);
    });
    expect(ids).toEqual(expected);
    expect(pages.map((p) => p.items.length)).toEqual([50, 50, expected.length - 100]);
    // The page: 200 with the first page and a notice for a cursor of another list.
    const first = await callLoader<{ notices: { id: number }[] }>(inboxPage.loader, `/inbox`, {}, await as("reviewer.samr@register.example"));
    const other = (await listPendingComments(ctxOf({ actor: me }), { size: 1 })).next ?? encodeCursor("pending_comments", queryFingerprint({ order: "pending_comments" }), ["a", 1]);
    const data = await callLoader<{ notices: { id: number }[]; paging: { notice: string | null } }>(inboxPage.loader, `/inbox?cursor=${other}`, {}, await as("reviewer.samr@register.example"));
    expect(data.paging.notice).toBe("page_cursor_foreign");
    expect(data.notices.map((n) => n.id)).toEqual(first.notices.map((n) => n.id));
  });
});
