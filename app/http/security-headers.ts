// Security headers. Every answer gets the static ones; every rendered document gets a Content
// Security Policy whose script-src lists the SHA-256 of each inline script of that very page
// (Remix writes its route data and module loader inline). The hashes are computed from the
// finished HTML and stored with a cached page, so a cached page stays valid; a nonce would not.
import { createHash } from "node:crypto";

/** Sent with every answer of the server. */
export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // For browsers without CSP frame-ancestors.
  "X-Frame-Options": "DENY",
  // For answers that are not documents (exports, JSON, errors): nothing may run or frame them.
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;

/** The SHA-256 sources ('sha256-...') of every inline script in an HTML document. */
export function inlineScriptHashes(html: string): string[] {
  const out = new Set<string>();
  for (const m of html.matchAll(INLINE_SCRIPT)) {
    if (/\bsrc\s*=/i.test(m[1] ?? "")) continue;
    out.add(`'sha256-${createHash("sha256").update(m[2] ?? "", "utf8").digest("base64")}'`);
  }
  return [...out];
}

/**
 * The policy of one rendered document: scripts only from this site or inline scripts whose hash
 * is listed, styles from this site (inline style attributes of charts allowed), no plugins, no
 * framing, forms only to this site.
 */
export function documentCsp(html: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' ${inlineScriptHashes(html).join(" ")}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
