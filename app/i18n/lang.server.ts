import { createCookie } from "@remix-run/node";
import type { Lang } from "./strings";

export const langCookie = createCookie("lang", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
  // A language preference is not a secret; it must also work on plain-HTTP local installs.
  secure: false,
});

/**
 * The page language: the visible switch (cookie) wins, then Accept-Language, then Chinese. One
 * parser for pages and for the server's page cache key (langFromHeaders), so they cannot differ.
 */
export async function resolveLang(request: Request): Promise<Lang> {
  return langFromHeaders(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
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
