// HTTP for the open API under /api: JSON bodies, errors as JSON (never the HTML error page),
// CORS for GET and HEAD, ETag and Last-Modified with 304 answers. What is answered comes from
// registry/exchange/api; this file only turns it into responses.
import { createHash } from "node:crypto";
import type { ActionFunctionArgs } from "@remix-run/node";
import { apiProblem } from "../registry/exchange/api/problem";
import { RegistryError } from "../registry/shared/errors";
import { apiProblemMessage } from "./api-problems";
import type { ApiAnswer, ApiContext } from "../registry/exchange/api/answer.server";
import { ctxOf, registerNow } from "~/registry.server";
import { absolute, paths } from "../registry/shared/urls";

const ALLOW = "GET, HEAD, OPTIONS";
const JSON_TYPE = "application/json; charset=utf-8";
const CORS = {
  "Access-Control-Allow-Origin": "*",
  // ETag and Link are not readable by a cross-origin script unless exposed.
  "Access-Control-Expose-Headers": "ETag, Link, Location",
};
const CACHE = {
  // Public data that changes with every decision: a cache may keep it but must ask first.
  data: "public, max-age=0, must-revalidate",
  // The document and the index change only with a new version of the register.
  static: "public, max-age=300",
} as const;

type ErrorCode = "bad_parameter" | "not_found" | "method_not_allowed" | "internal_error";

export function jsonError(status: number, error: ErrorCode, message: string, extra: { param?: string; allowed?: readonly string[]; headers?: Record<string, string> } = {}): Response {
  const body = { error, message, ...(extra.param ? { param: extra.param } : {}), ...(extra.allowed ? { allowed: extra.allowed } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": JSON_TYPE, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff", ...CORS, ...extra.headers },
  });
}

function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...CORS, "Access-Control-Allow-Methods": ALLOW, "Access-Control-Allow-Headers": "*", "Access-Control-Max-Age": "86400", Allow: ALLOW },
  });
}

/** Weak comparison (RFC 9110 13.1.2), or If-Modified-Since when there is no If-None-Match. */
function notModified(request: Request, etag: string, lastModified: Date | null): boolean {
  const inm = request.headers.get("If-None-Match");
  if (inm !== null) {
    const opaque = (t: string) => t.trim().replace(/^W\//, "");
    return inm.trim() === "*" || inm.split(",").some((t) => opaque(t) === opaque(etag));
  }
  const ims = request.headers.get("If-Modified-Since");
  const since = ims ? Date.parse(ims) : NaN;
  return lastModified !== null && !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) <= Math.floor(since / 1000);
}

/**
 * The loader of an API route: OPTIONS answers the CORS preflight; GET and HEAD run `answer`
 * and send its body as JSON with validators, or 304 when the client's copy is current.
 */
export async function apiLoader(request: Request, answer: (ctx: ApiContext) => ApiAnswer | Promise<ApiAnswer>, opts: { cache?: keyof typeof CACHE } = {}): Promise<Response> {
  if (request.method === "OPTIONS") return preflight();
  if (request.method !== "GET" && request.method !== "HEAD") return methodNotAllowed(request);
  const now = registerNow();
  let result: ApiAnswer;
  try {
    result = await answer({ ...ctxOf({ now }), origin: new URL(request.url).origin });
  } catch (e) {
    if (e instanceof RegistryError && (e.code === "not_found" || e.code === "bad_parameter"))
      return jsonError(e.code === "not_found" ? 404 : 400, e.code, apiProblemMessage(e.issues[0], e.code), e.path ? { param: e.path } : {});
    console.error(e);
    return jsonError(500, "internal_error", "The register could not answer this request. The error has been logged; try again later.");
  }
  if ("movedTo" in result) return new Response(null, { status: 301, headers: { Location: result.movedTo, "Cache-Control": CACHE.data, ...CORS } });

  const text = JSON.stringify(result.body);
  // Made from a list index being rebuilt: kept by no cache, and no validator a later answer could match.
  if (result.stale) {
    const headers = { ...CORS, "Cache-Control": "no-store", ...(result.next ? { Link: `<${result.next}>; rel="next"` } : {}) };
    return new Response(request.method === "HEAD" ? null : text, { headers: { ...headers, "Content-Type": JSON_TYPE, "X-Content-Type-Options": "nosniff" } });
  }
  // Weak: the server compresses answers, and a strong validator would have to differ per encoding.
  const etag = `W/"${createHash("sha256").update(text).digest("base64url")}"`;
  // Never later than now (RFC 9110 8.8.2.1), even if a clock was moved back.
  const lastModified = result.lastModified ? new Date(Math.min(Date.parse(result.lastModified), now.getTime())) : null;
  const headers: Record<string, string> = {
    ...CORS,
    ETag: etag,
    "Cache-Control": CACHE[opts.cache ?? "data"],
    ...(lastModified ? { "Last-Modified": lastModified.toUTCString() } : {}),
  };
  if (notModified(request, etag, lastModified)) return new Response(null, { status: 304, headers });
  if (result.next) headers.Link = `<${result.next}>; rel="next"`;
  return new Response(request.method === "HEAD" ? null : text, { headers: { ...headers, "Content-Type": JSON_TYPE, "X-Content-Type-Options": "nosniff" } });
}

function methodNotAllowed(request: Request): Response {
  return jsonError(405, "method_not_allowed", `${request.method.slice(0, 20)} is not allowed: this API is read-only. Use GET (or HEAD).`, {
    allowed: ALLOW.split(", "),
    headers: { Allow: ALLOW },
  });
}

/** The action of an API route: the API is read-only, so every other method is refused as JSON. */
export function apiAction({ request }: ActionFunctionArgs): Response {
  return methodNotAllowed(request);
}

/** Any path under /api that names no endpoint: a JSON 404, whatever the method. */
export function apiNotFound(request: Request): Response | Promise<Response> {
  const url = new URL(request.url);
  const problem = apiProblem("not_found", "api_endpoint_not_found", { path: url.pathname.slice(0, 200), openapi: absolute(url.origin, paths.openapi()) });
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS")
    return apiLoader(request, () => {
      throw problem;
    });
  return jsonError(404, "not_found", apiProblemMessage(problem.issues[0], "not_found"));
}
