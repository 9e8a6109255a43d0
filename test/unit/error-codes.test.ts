// Issue 12: every issue code the registry can produce has a Chinese and an English message, and
// the registry itself words nothing (its schemas carry codes, not sentences).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STRINGS, type StringKey } from "~/i18n/strings";
import { issueMessage } from "~/i18n/errors";

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(path.join(dir, d.name)) : d.name.endsWith(".ts") ? [path.join(dir, d.name)] : []));
}
const registry = files(path.resolve("registry")).map((f) => ({ f, text: fs.readFileSync(f, "utf8") }));

describe("issue codes", () => {
  it("each err_* and import* code in registry/ has a message in both languages", () => {
    const codes = new Set<string>();
    for (const { text } of registry) for (const m of text.matchAll(/"(err_[a-z][a-z_0-9]*|import[A-Z][A-Za-z0-9]*)"/g)) codes.add(m[1]!);
    expect(codes.size).toBeGreaterThan(60);
    for (const code of codes) {
      expect(STRINGS.en[code as StringKey], code).toBeTruthy();
      expect(STRINGS.zh[code as StringKey], code).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("zod's own issues are worded without the parser's English, in both languages", () => {
    const zod = ["zod_invalid_type", "zod_invalid_value", "zod_too_small", "zod_too_big", "zod_invalid_format", "zod_unrecognized_keys", "zod_invalid_union", "zod_custom"];
    for (const code of zod)
      for (const lang of ["zh", "en"] as const) {
        const m = issueMessage({ code, path: "identity.kind", params: { origin: "string", minimum: 2, maximum: 5 } }, lang);
        expect(m, `${code} ${lang}`).not.toMatch(/Invalid input|expected |identity\./);
        if (lang === "zh") expect(m).toMatch(/[\u4e00-\u9fff]/);
      }
  });

  it("the standard's schemas carry codes, not English sentences, as their messages", () => {
    for (const { f, text } of registry.filter((x) => /standard\/v1\.ts$|workflow\.server\.ts$|accounts\.server\.ts$/.test(x.f)))
      expect(text.match(/message: "[A-Z][^"]*"|, "[A-Z][a-z]+ [^"]*\."\)/g) ?? [], f).toEqual([]);
  });
});
