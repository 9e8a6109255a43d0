// Opaque cursors for the API's pages. A cursor names a place in one sort order of one query:
// the sort key of the last item returned, so a page starts after that item even when rows
// were added or removed before it (no duplicates, nothing skipped that existed throughout).
// It also carries a fingerprint of the query, so a cursor used with other filters is refused
// instead of silently answering a different question.
import { createHash } from "node:crypto";
import { z } from "zod";
import { canonicalJson } from "../../shared/canonical-json";
import { apiProblem } from "./problem";

export const API_LIMIT = { default: 50, max: 500 } as const;
const MAX_CURSOR_LENGTH = 2000;

type KeyPart = string | number | null;
const CursorShape = z.object({
  v: z.literal(1),
  o: z.string().max(40),
  f: z.string().max(40),
  k: z.array(z.union([z.string().max(600), z.number().int(), z.null()])).max(4),
});

/** A short fingerprint of a normalised query; any change of filter or order changes it. */
export function queryFingerprint(query: Record<string, unknown>): string {
  return createHash("sha256").update(canonicalJson(query)).digest("base64url").slice(0, 16);
}

export function encodeCursor(order: string, fingerprint: string, key: KeyPart[]): string {
  return Buffer.from(JSON.stringify({ v: 1, o: order, f: fingerprint, k: key })).toString("base64url");
}

/**
 * The key a cursor carries, checked against the order and query it must belong to, or null
 * when there is no cursor. `key` validates the key's shape for this order.
 */
export function decodeCursor<K>(params: URLSearchParams, expect: { order: string; fingerprint: string }, key: z.ZodType<K>): K | null {
  const raw = params.get("cursor");
  if (raw === null) return null;
  const bad = (reason: "api_cursor_foreign" | "api_cursor_other_query") => apiProblem("bad_parameter", reason, {}, "cursor");
  if (raw === "" || raw.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(raw)) throw bad("api_cursor_foreign");
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    throw bad("api_cursor_foreign");
  }
  const shape = CursorShape.safeParse(decoded);
  if (!shape.success) throw bad("api_cursor_foreign");
  if (shape.data.o !== expect.order || shape.data.f !== expect.fingerprint)
    throw bad("api_cursor_other_query");
  const k = key.safeParse(shape.data.k);
  if (!k.success) throw bad("api_cursor_foreign");
  return k.data;
}

/** The page size: `limit`, a whole number from 1 to API_LIMIT.max. */
export function parseLimit(params: URLSearchParams): number {
  const raw = params.get("limit");
  if (raw === null) return API_LIMIT.default;
  if (/^\d{1,4}$/.test(raw) && Number(raw) >= 1 && Number(raw) <= API_LIMIT.max) return Number(raw);
  throw apiProblem("bad_parameter", "api_limit_invalid", { max: API_LIMIT.max, default: API_LIMIT.default, value: raw.slice(0, 40) }, "limit");
}

/** A URL for the next page: the same query string with the cursor replaced (and `drop` left out). */
export function nextUrl(base: string, params: URLSearchParams, cursor: string, drop: string[] = []): string {
  const p = new URLSearchParams(params);
  for (const k of ["cursor", ...drop]) p.delete(k);
  p.set("cursor", cursor);
  return `${base}?${p.toString()}`;
}
