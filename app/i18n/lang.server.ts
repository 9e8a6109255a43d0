import { createCookie } from "@remix-run/node";
import type { Lang } from "./strings";
import { splitLangPrefix, type LangPrefix } from "../../registry/shared/urls";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  // A language preference is not a secret; it must also work on plain-HTTP local installs.
  secure: false,
});

/**
 * The page language of a request: a /zh or /en address fixes it; otherwise the switch's cookie
 * wins, then Accept-Language, then Chinese. server.mjs works it out once per request with this
 * function (its page cache key and the load context, see `requestLang`), so they cannot differ.
 */
export function langOfRequest(pathname: string, cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): { lang: Lang; prefix: LangPrefix } {
  const { prefix } = splitLangPrefix(pathname);
  return { lang: prefix ?? langFromHeaders(cookieHeader, acceptLanguage), prefix };
}

/** What server.mjs puts in Remix's load context for every request. */
export type RequestLang = { lang: Lang; prefix: LangPrefix };

/**
 * The language the server resolved for this request (load context), or, where no server did (the
 * static mirror, tests calling a loader), the same rule applied here.
 */
export function requestLang(args: { request: Request; context?: unknown }): RequestLang {
  const given = (args.context as { lang?: unknown; langPrefix?: unknown } | undefined) ?? {};
  if ((given.lang === "zh" || given.lang === "en") && (given.langPrefix === null || given.langPrefix === "zh" || given.langPrefix === "en"))
    return { lang: given.lang, prefix: given.langPrefix };
  const r = args.request;
  return langOfRequest(new URL(r.url).pathname, r.headers.get("Cookie"), r.headers.get("Accept-Language"));
}

/** The page language (see requestLang). Kept async for the loaders that await it. */
export async function resolveLang(request: Request, context?: unknown): Promise<Lang> {
  return requestLang({ request, context }).lang;
}

export function langFromAcceptLanguage(header: string | null): Lang {
  if (!header) return "zh";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { tag: tag ?? "", q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh";
    if (tag.startsWith("en")) return "en";
  }
  return "zh";
}

/**
 * The page language from the raw headers, synchronously, so server.mjs can key its page cache
 * with it. The cookie holds base64 JSON, as langCookie (unsigned) writes it.
 */
export function langFromHeaders(cookieHeader: string | null | undefined, acceptLanguage: string | null | undefined): Lang {
  const m = /(?:^|;\s*)lang=([^;]*)/.exec(cookieHeader ?? "");
  if (m) {
    try {
      const v: unknown = JSON.parse(Buffer.from(decodeURIComponent(m[1]!), "base64").toString("utf8"));
      if (v === "zh" || v === "en") return v;
    } catch {
      // A damaged cookie is ignored, as langCookie.parse does.
    }
  }
  return langFromAcceptLanguage(acceptLanguage ?? null);
}
