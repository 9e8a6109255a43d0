// Sessions, role checks and CSRF for routes. Every loader and action that needs an account
// calls requireSession() itself; hiding a button is not a check.
import { createCookie, redirect, type AppLoadContext } from "@remix-run/node";
import { csrfMatches, sessionFor, SESSION_DAYS, type Session } from "../registry/auth/sessions.server";
import type { Role } from "../registry/auth/roles";
import { splitLangPrefix, urlsFor } from "../registry/shared/urls";

declare module "@remix-run/node" {
  interface AppLoadContext {
    /** The client's address (server.mjs; honours TRUST_PROXY). */
    clientAddress?: string;
    /** Whether the request reached us over HTTPS (directly or through a trusted proxy). */
    secure?: boolean;
  }
}

export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  maxAge: SESSION_DAYS * 86_400,
});

/** Secure cookies whenever the request came over HTTPS; plain-HTTP local installs still work. */
export function isSecure(request: Request, context?: AppLoadContext): boolean {
  return context?.secure === true || new URL(request.url).protocol === "https:";
}

export async function sessionToken(request: Request): Promise<string | null> {
  const v = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof v === "string" ? v : null;
}

export async function getSession(request: Request): Promise<Session | null> {
  return sessionFor(await sessionToken(request));
}

export function forbidden(): Response {
  return new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

/**
 * The session of a signed-in user with one of `roles` (any role if none given). Anonymous
 * visitors are sent to the login page and brought back; a user with another role gets 403.
 */
export async function requireSession(request: Request, roles?: readonly Role[]): Promise<Session> {
  const session = await getSession(request);
  if (!session) {
    // The login page in the language space of the page that asked (/en/drafts -> /en/login), and
    // back to that page, prefix included, afterwards.
    const url = new URL(request.url);
    throw redirect(urlsFor(splitLangPrefix(url.pathname).prefix).login(url.pathname + url.search));
  }
  if (roles && !roles.includes(session.actor.role)) throw forbidden();
  return session;
}

/** Refuses a state-changing form without this session's CSRF token. */
export function requireCsrf(session: Session, form: FormData): void {
  if (!csrfMatches(session, form.get("csrf"))) throw new Response("CSRF token missing or wrong", { status: 403, statusText: "Forbidden" });
}

/**
 * For forms sent before there is a session (login): refuse a request that a browser says came
 * from another site. Browsers send Origin on every POST form; Sec-Fetch-Site when they can.
 */
export function isCrossSite(request: Request): boolean {
  const origin = request.headers.get("Origin");
  if (origin && origin !== "null") {
    const host = request.headers.get("X-Forwarded-Host") ?? request.headers.get("Host") ?? new URL(request.url).host;
    try {
      if (new URL(origin).host !== host) return true;
    } catch {
      return true;
    }
  } else if (origin === "null") return true;
  const site = request.headers.get("Sec-Fetch-Site");
  return site === "cross-site";
}

/** Only paths on this site (the rule and its tests live in registry/auth/safe-path.ts). */
export { safeLocalPath } from "../registry/auth/safe-path";
