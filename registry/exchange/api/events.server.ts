// The API's event-log answer: /api/v1/events, the hash-chained log a page at a time with the
// chain's head and latest check. `(ctx, query)`, async.
import { z } from "zod";
import { getDb, stmt, type Db } from "../../shared/db.server";
import type { QueryNotice } from "../../records/query";
import { eventsAfter } from "../../log/log.server";
import type { ChainEvent } from "../../log/chain";
import type { ChainHead } from "../../log/anchor.server";
import { chainStatusOf, type LastChainCheck } from "../../log/watch.server";
import { apiProblem } from "./problem";
import { decodeCursor, encodeCursor, nextUrl, parseLimit, queryFingerprint } from "./cursor";
import { absolute, paths } from "../../shared/urls";
import { latest, short, type ApiAnswer, type ApiContext } from "./answer.server";

export const HASH_ALGORITHM =
  "hash = SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of {id, at, kind, toolId, actor, payload, prevHash}; the first entry's prevHash is 64 zeros.";

const EventKey = z.tuple([z.number().int().min(0)]);

export type ApiEventList = {
  query: { tool?: string };
  notices: QueryNotice[];
  hashAlgorithm: string;
  head: ChainHead | null;
  verification: LastChainCheck | null;
  total: number;
  limit: number;
  items: ChainEvent[];
  nextCursor: string | null;
  next: string | null;
};

/** The chain's head now and the latest full check, as /log.json publishes them too. */
export function chainStatusBody(db: Db = getDb()): { head: ChainHead | null; verification: LastChainCheck | null } {
  const { head, lastCheck } = chainStatusOf(db);
  return { head, verification: lastCheck };
}

/** The hash-chained event log, oldest first, a page at a time, with the result of checking the whole chain. */
export async function apiListEvents(ctx: ApiContext, { params }: { params: URLSearchParams }): Promise<ApiAnswer<ApiEventList>> {
  const { db } = ctx;
  const limit = parseLimit(params);
  const notices: QueryNotice[] = [];
  const query: { tool?: string } = {};
  const tool = params.get("tool");
  if (tool) {
    if (/^[A-Za-z]{1,10}-\d{1,12}$/.test(tool)) query.tool = tool.toUpperCase();
    else notices.push({ code: "ignored_value", param: "tool", value: short(tool) });
  }
  for (const k of new Set(params.keys())) if (!["tool", "limit", "cursor", "after"].includes(k)) notices.push({ code: "ignored_value", param: short(k), value: short(params.get(k) ?? "") });
  const fingerprint = queryFingerprint(query);
  const key = decodeCursor(params, { order: "events", fingerprint }, EventKey);
  const afterRaw = params.get("after");
  if (afterRaw !== null && key) throw apiProblem("bad_parameter", "api_cursor_and_after", {}, "after");
  if (afterRaw !== null && !/^\d{1,12}$/.test(afterRaw))
    throw apiProblem("bad_parameter", "api_after_invalid", { value: short(afterRaw) }, "after");
  const afterId = key ? key[0] : afterRaw !== null ? Number(afterRaw) : 0;

  const rows = eventsAfter({ afterId, limit: limit + 1, ...(query.tool ? { toolId: query.tool } : {}) }, db);
  const more = rows.length > limit;
  const items = rows.slice(0, limit);
  const total = (stmt(db, `SELECT count(*) AS n FROM events ${query.tool ? "WHERE tool_id = ?" : ""}`).get(...(query.tool ? [query.tool] : [])) as { n: number }).n;
  const last = items.at(-1);
  const nextCursor = more && last ? encodeCursor("events", fingerprint, [last.id]) : null;
  const next = nextCursor ? nextUrl(absolute(ctx.origin, paths.apiEvents()), params, nextCursor, ["after"]) : null;
  const lastAt = (stmt(db, `SELECT at FROM events ORDER BY id DESC LIMIT 1`).get() as { at: string } | undefined)?.at;
  return {
    lastModified: latest(lastAt),
    next,
    body: { query, notices, hashAlgorithm: HASH_ALGORITHM, ...chainStatusBody(db), total, limit, items, nextCursor, next },
  };
}
