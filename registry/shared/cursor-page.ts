// Cursor pages for the staff pages (review queue, moderation, reports, drafts, inbox), with the
// open API's cursor encoding (registry/exchange/api/cursor.ts): an opaque cursor names the key of
// an item in one order of one query, so a page starts right after (or, going back, right
// before) that item even when items were handled or added meanwhile; nothing is shown twice and
// nothing that stayed in the queue is skipped.
//
// A page is not an API answer: a cursor that was not made here, or for other filters, is not an
// error. The page shows the first page and says why (`notice`), never a 500.
import { z } from "zod";
import { decodeCursor, encodeCursor, queryFingerprint } from "../exchange/api/cursor";
import { RegistryError } from "./errors";

/** Items per staff page. */
export const QUEUE_PAGE_SIZE = 50;

/** What a paged read model takes besides its filters: the cursor from the address, and a page size (tests). */
export const PageQuery = z.object({ cursor: z.string().nullable().optional(), size: z.number().int().min(1).max(500).optional() });

export type KeyPart = string | number | null;
/** Why the cursor given was not used: made elsewhere (or damaged), or made for other filters. */
export type PageNotice = "page_cursor_foreign" | "page_cursor_other_query";

export type CursorPage<T> = {
  items: T[];
  /** Every item of the queue with these filters, on all pages. */
  total: number;
  /** Items per page. */
  size: number;
  /** Cursors of the next and previous pages, or null at either end. */
  next: string | null;
  prev: string | null;
  /** Whether this page is not the first one (then a "first page" link is shown). */
  later: boolean;
  notice: PageNotice | null;
};

/** Where to read from: everything after a key, everything before it (nearest first is the caller's job), or from the start. */
export type From<K> = { after: K } | { before: K } | null;

/**
 * Reads up to `limit` items in the queue's order: from the start, or strictly after `after`,
 * or the `limit` items just before `before` (returned in the queue's order, not reversed).
 */
export type Fetch<T, K> = (from: From<K>, limit: number) => T[];

const Dir = z.enum(["a", "b"]);
const AnyKey = z.array(z.union([z.string(), z.number(), z.null()])).min(1).max(4);

/**
 * The key a page cursor carries, or null with a notice when it is not one of this queue's
 * cursors for this query. `key` validates the key's shape for this order.
 */
export function readPageCursor<K>(
  cursor: string | null | undefined,
  expect: { order: string; query: Record<string, unknown> },
  key: z.ZodType<K>,
): { from: From<K>; notice: PageNotice | null } {
  if (cursor === null || cursor === undefined) return { from: null, notice: null };
  const fingerprint = queryFingerprint({ ...expect.query, order: expect.order });
  try {
    const raw = decodeCursor(new URLSearchParams({ cursor }), { order: expect.order, fingerprint }, AnyKey);
    const dir = Dir.safeParse(raw?.[0]);
    const k = key.safeParse(raw?.slice(1));
    if (!raw || !dir.success || !k.success) return { from: null, notice: "page_cursor_foreign" };
    return { from: dir.data === "a" ? { after: k.data } : { before: k.data }, notice: null };
  } catch (e) {
    if (!(e instanceof RegistryError) || e.code !== "bad_parameter") throw e;
    // Another query of this queue (other filters), or a cursor of another list altogether.
    const other = e.issues.some((i) => i.code === "api_cursor_other_query") && orderOf(cursor) === expect.order;
    return { from: null, notice: other ? "page_cursor_other_query" : "page_cursor_foreign" };
  }
}

function orderOf(cursor: string): unknown {
  try {
    return (JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as { o?: unknown } | null)?.o;
  } catch {
    return undefined;
  }
}

function pageCursor(order: string, query: Record<string, unknown>, dir: "a" | "b", key: readonly KeyPart[]): string {
  return encodeCursor(order, queryFingerprint({ ...query, order }), [dir, ...key]);
}

/**
 * One page of a queue: the items after (or before) the cursor's key, the cursors of the pages
 * around it and the queue's total. `fetch` reads the queue in its order (SQL keyset or an array).
 */
export function cursorPage<T, K extends readonly KeyPart[]>(opts: {
  cursor?: string | null;
  order: string;
  query: Record<string, unknown>;
  key: z.ZodType<K>;
  keyOf: (item: T) => K;
  fetch: Fetch<T, K>;
  total: number;
  size?: number;
}): CursorPage<T> {
  const size = opts.size ?? QUEUE_PAGE_SIZE;
  const { from, notice } = readPageCursor(opts.cursor, { order: opts.order, query: opts.query }, opts.key);
  let items: T[];
  let hasNext: boolean;
  let hasPrev: boolean;
  if (from && "before" in from) {
    const rows = opts.fetch(from, size + 1);
    hasPrev = rows.length > size;
    items = rows.slice(-size);
    const last = items.at(-1);
    hasNext = opts.fetch({ after: last ? opts.keyOf(last) : from.before }, 1).length > 0;
  } else {
    const rows = opts.fetch(from, size + 1);
    hasNext = rows.length > size;
    items = rows.slice(0, size);
    const first = items[0];
    hasPrev = from !== null && opts.fetch({ before: first ? opts.keyOf(first) : from.after }, 1).length > 0;
  }
  const first = items[0];
  const last = items.at(-1);
  const cursor = (dir: "a" | "b", key: K) => pageCursor(opts.order, opts.query, dir, key);
  return {
    items,
    total: opts.total,
    size,
    next: hasNext && last ? cursor("a", opts.keyOf(last)) : null,
    prev: hasPrev && first ? cursor("b", opts.keyOf(first)) : null,
    later: hasPrev,
    notice,
  };
}

/** Compares two keys part by part (null first, numbers by value, strings by code unit as SQLite's BINARY). */
export function compareKeys(a: readonly KeyPart[], b: readonly KeyPart[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/** `fetch` over a list already in the queue's order (keys ascending in `compare`). */
export function arrayFetch<T, K extends readonly KeyPart[]>(all: readonly T[], keyOf: (item: T) => K, compare: (a: K, b: K) => number = compareKeys): Fetch<T, K> {
  return (from, limit) => {
    if (!from) return all.slice(0, limit);
    if ("after" in from) {
      const start = all.findIndex((t) => compare(keyOf(t), from.after) > 0);
      return start < 0 ? [] : all.slice(start, start + limit);
    }
    let end = all.findIndex((t) => compare(keyOf(t), from.before) >= 0);
    if (end < 0) end = all.length;
    return all.slice(Math.max(0, end - limit), end);
  };
}

/**
 * `fetch` for a queue ordered by one integer id column, in SQL: `select(where, order, args, limit)`
 * reads the queue's rows with `where` ("" or "AND <column> > ?") added, in `order`. Oldest first by
 * default; `newestFirst` walks the ids downwards (the page "after" a row has smaller ids).
 */
export function idKeysetFetch<T>(
  column: string,
  select: (where: string, order: "ASC" | "DESC", args: number[], limit: number) => T[],
  opts: { newestFirst?: boolean } = {},
): Fetch<T, [number]> {
  const [forward, backward, later, earlier] = opts.newestFirst ? (["DESC", "ASC", "<", ">"] as const) : (["ASC", "DESC", ">", "<"] as const);
  return (from, limit) => {
    if (!from) return select("", forward, [], limit);
    if ("after" in from) return select(`AND ${column} ${later} ?`, forward, from.after, limit);
    return select(`AND ${column} ${earlier} ?`, backward, from.before, limit).reverse();
  };
}
