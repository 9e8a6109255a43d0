// Where the register may send a browser after logging in or switching language: only a path on
// this site. Checking the text ("starts with / but not //") is not enough: URL resolution turns
// "/..//evil.example" into "//evil.example", browsers treat "\" as "/" and drop tabs and
// newlines, and "%2e%2e" is a dot segment. So the path is resolved as a browser would resolve
// it, checked after resolution, and the normalised form is what the caller redirects to.

const BASE = "http://register.invalid";
const MAX_LENGTH = 2000;
/** Control characters (tabs and newlines included) and backslashes: never in a path we send. */
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\\]/;
/** A path that starts with one "/" followed by anything but another "/" or a "\" (or is just "/"). */
const SINGLE_SLASH = /^\/(?![/\\])/;
/** A percent-encoded "/" or "\", also encoded again ("%252F"). */
const ENCODED_SLASH = /%(?:25)*(?:2f|5c)/i;

/** The path decoded once, or null when it is not valid percent-encoding. */
function decodeOnce(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

/**
 * `to` as a same-origin path (pathname + search + hash, normalised), or `fallback` when it is
 * not a string, too long, or could lead anywhere else: "//host", "/\host", "/..//host",
 * backslashes, tabs, newlines and other control characters, percent-encoded slashes or
 * backslashes at any depth of encoding, absolute URLs (even to this site: callers only ever
 * send paths). The result always starts with a single "/" followed by neither "/" nor "\".
 */
export function safeLocalPath(to: unknown, fallback = "/"): string {
  if (typeof to !== "string" || to.length === 0 || to.length > MAX_LENGTH) return fallback;
  if (UNSAFE_CHARS.test(to) || !SINGLE_SLASH.test(to)) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE || url.username || url.password) return fallback;
  // The path itself, at every depth of percent-encoding, must not become "//" or "/\" or
  // carry a backslash or control character: some servers and proxies decode before routing.
  let path = url.pathname;
  for (let depth = 0; ; depth++) {
    if (!SINGLE_SLASH.test(path) || UNSAFE_CHARS.test(path) || ENCODED_SLASH.test(path)) return fallback;
    const next = decodeOnce(path);
    if (next === null || depth === 4) return fallback;
    if (next === path) break;
    path = next;
  }
  const out = url.pathname + url.search + url.hash;
  return SINGLE_SLASH.test(out) && new URL(out, BASE).origin === BASE ? out : fallback;
}
