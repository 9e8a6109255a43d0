// What the server decides about a request before any route sees it: whether it is signed in
// (for the page cache and the renderer alike), how big its body may be, and whether a browser
// says it came from another site. Pure functions of the request's headers and path; server.mjs
// reads them through the build (entry.server.tsx re-exports them) and the renderer uses them
// directly, so the two can never disagree.
import { paths, splitLangPrefix } from "../../registry/shared/urls";

/** The session cookie's name (app/auth.server.ts). */
export const SESSION_COOKIE = "__session";

/**
 * Whether a request must be treated as signed in: any Cookie header that mentions the session
 * cookie, in any spelling a cookie parser might accept (`__session=`, `__session =`, `;__session`
 * ...). A malformed or unknown session cookie counts as signed in too: such a request is never
 * answered from, or stored in, a shared cache. Being wrong this way only costs a render.
 */
export function isSignedInRequest(cookieHeader: string | null | undefined): boolean {
  return typeof cookieHeader === "string" && cookieHeader.includes(SESSION_COOKIE);
}

/** Body limits, in bytes, enforced before a body is read (chunked bodies included). */
export const BODY_LIMITS = {
  /** Public forms: a comment (4,000 characters), a problem report, sign-in, language switch. */
  public: 64 * 1024,
  /** Staff forms (a section of a record, a review): only for requests that carry a session. */
  staff: 4 * 1024 * 1024,
  /** The bulk import upload: the import's own cap (20 MB) plus room for the multipart envelope. */
  import: 21 * 1024 * 1024,
} as const;

/**
 * The largest body this request may send. Anonymous requests only ever get the public limit:
 * every staff form requires a session, so a larger body without one is never needed.
 */
export function bodyLimit(pathname: string, cookieHeader: string | null | undefined): number {
  if (!isSignedInRequest(cookieHeader)) return BODY_LIMITS.public;
  // The import page exists as /drafts/import, /zh/drafts/import and /en/drafts/import; the router
  // also sends it in any case and with trailing slashes.
  const route = pathname.length > 1 ? pathname.toLowerCase().replace(/\/+$/, "") : pathname;
  if (splitLangPrefix(route).path === paths.draftsImport()) return BODY_LIMITS.import;
  return BODY_LIMITS.staff;
}

/**
 * Whether a browser says a state-changing request came from another site: an Origin that is
 * "null", unreadable or of another host than the one asked for (X-Forwarded-Host first, as Remix
 * compares them), or Sec-Fetch-Site: cross-site. Remix itself aborts such an action with an
 * exception (a bare 500); the server answers 403 first.
 */
export function isCrossSiteRequest(headers: { origin?: string | null; host?: string | null; forwardedHost?: string | null; fetchSite?: string | null }): boolean {
  const { origin } = headers;
  if (origin !== undefined && origin !== null && origin !== "") {
    if (origin === "null") return true;
    let originHost: string;
    try {
      originHost = new URL(origin).host;
    } catch {
      return true;
    }
    const host = headers.forwardedHost?.split(",")[0]?.trim() || headers.host;
    if (!host || originHost !== host) return true;
  }
  return headers.fetchSite === "cross-site";
}
