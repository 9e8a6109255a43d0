// Redirect targets taken from the request (login's `next`, the language switch's `to`) must stay
// on this site however they are written.
import { describe, expect, it } from "vitest";
import { safeLocalPath } from "../../registry/auth/safe-path";

const FALLBACK = "/fallback";
const BASE = "https://register.example.gov";

const HOSTILE = [
  "//evil.example",
  "//evil.example/phish",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/..//evil.example",
  "/..//evil.example/phish",
  "/../..//evil.example",
  "/x/../..//evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/.%2E//evil.example",
  "/%2F%2Fevil.example",
  "/%2f/evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "/%252F%252Fevil.example",
  "/%25252F%25252Fevil.example",
  "/%255Cevil.example",
  "/..%2F%2Fevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/%09/evil.example",
  "/%0a/evil.example",
  "/\u0000/evil.example",
  " //evil.example",
  "\t//evil.example",
  "http://evil.example/",
  "https://evil.example/x",
  "HTTPS://evil.example",
  "https:evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "evil.example",
  "@evil.example",
  "//user@evil.example",
  "/@evil.example/../..//evil.example",
  "",
  "/".repeat(3000),
];

describe("safeLocalPath", () => {
  it.each(HOSTILE)("keeps %j on this site", (input) => {
    const out = safeLocalPath(input, FALLBACK);
    // Either the fallback, or a path that a browser resolves on this origin.
    if (out !== FALLBACK) {
      expect(out).toMatch(/^\/(?![/\\])/);
      expect(new URL(out, BASE).origin).toBe(BASE);
    }
    expect(out).not.toContain("evil.example/");
    expect(out.startsWith("//")).toBe(false);
  });

  it("refuses each hostile form outright", () => {
    const passed = HOSTILE.filter((h) => safeLocalPath(h, FALLBACK) !== FALLBACK);
    // "/@evil.example/../..//evil.example" normalises to "//evil.example" and is refused too.
    expect(passed).toEqual([]);
  });

  it("refuses what is not a string", () => {
    for (const v of [null, undefined, 42, ["/x"], { toString: () => "/x" }]) expect(safeLocalPath(v, FALLBACK)).toBe(FALLBACK);
  });

  it("keeps ordinary paths, with their query and fragment, normalised", () => {
    expect(safeLocalPath("/account", FALLBACK)).toBe("/account");
    expect(safeLocalPath("/", FALLBACK)).toBe("/");
    expect(safeLocalPath("/tools?q=码&kind=code_system#results", FALLBACK)).toBe("/tools?q=%E7%A0%81&kind=code_system#results");
    expect(safeLocalPath("/tools/ALG-000001/history?from=1&to=2", FALLBACK)).toBe("/tools/ALG-000001/history?from=1&to=2");
    expect(safeLocalPath("/a/../tools", FALLBACK)).toBe("/tools");
    expect(safeLocalPath("/../tools", FALLBACK)).toBe("/tools");
    expect(safeLocalPath("/agencies/%E4%B8%8A%E6%B5%B7", FALLBACK)).toBe("/agencies/%E4%B8%8A%E6%B5%B7");
    // A second "//" inside the query or later in the path cannot change the origin.
    expect(safeLocalPath("/login?next=//evil.example", FALLBACK)).toBe("/login?next=//evil.example");
  });

  it("whatever it returns re-resolves on the base origin, for a generated set of inputs", () => {
    const parts = ["/", "//", "\\", "..", ".", "%2e", "%2f", "%5c", "%252f", "evil.example", "\t", "?", "#", "@", ":"];
    for (const a of parts)
      for (const b of parts)
        for (const c of parts) {
          const input = `/${a}${b}${c}`;
          const out = safeLocalPath(input, FALLBACK);
          if (out === FALLBACK) continue;
          expect(out, input).toMatch(/^\/(?![/\\])/);
          expect(new URL(out, BASE).origin, input).toBe(BASE);
          // And resolving it a second time gives the same page on the same origin.
          expect(new URL(new URL(out, BASE).pathname, BASE).origin, input).toBe(BASE);
        }
  });
});
