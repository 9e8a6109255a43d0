// Issue 11, finding 1: React 18's streaming renderer wrote NUL bytes into Chinese pages whenever a
// multi-byte character straddled its 2 KB buffer, and the page cache kept them. Every public page
// type, in both languages, rendered and then from the cache, and the answers to form posts, must
// be valid UTF-8 without a single U+0000. (The static mirror's files are checked in mirror.spec.ts.)
import { test, expect } from "@playwright/test";
import { request, serverForSpec, type Answer } from "../helpers/server-process";
import { byteProblem } from "../helpers/bytes";
import { PUBLIC_PAGES } from "../helpers/public-pages";

const PORT = 3294;

const PAGES = [...PUBLIC_PAGES, "/no/such/page"];

const spec = serverForSpec("register-bytes-", PORT, { WEB_CONCURRENCY: "1" });

/** The raw bytes of an answer (the shared helper decodes to text, which would hide bad bytes). */
function raw(url: string, opts: Parameters<typeof request>[2] = {}): Promise<Answer & { bytes: Buffer }> {
  return request(PORT, url, opts).then((a) => ({ ...a, bytes: Buffer.from(a.body, "latin1") }));
}

test("every public page, in both languages, rendered and from the cache, is clean UTF-8 without NUL", async () => {
  for (const lang of ["zh-CN", "en"]) {
    for (const url of PAGES) {
      for (const pass of ["rendered", "cached"]) {
        const answer = await raw(url, { headers: { "Accept-Language": lang }, binary: true });
        expect(answer.status, `${lang} ${url}`).toBeLessThan(500);
        expect(byteProblem(answer.bytes), `${lang} ${url} (${pass})`).toBeNull();
        expect(answer.bytes.length, url).toBeGreaterThan(2048);
      }
    }
  }
});

test("the answers to form posts are clean too", async () => {
  const form = { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "zh-CN" };
  const posts: [string, Record<string, string>][] = [
    ["/tools/ALG-000001", { intent: "comment", displayName: "", body: "" }],
    ["/login", { email: "nobody@register.example", password: "wrong" }],
    ["/report-unregistered", { name: "", description: "" }],
    ["/tools/ALG-000001/report", { description: "" }],
  ];
  for (const [url, fields] of posts) {
    const answer = await raw(url, { method: "POST", headers: form, body: new URLSearchParams(fields).toString(), binary: true });
    expect(answer.status, url).toBeLessThan(500);
    expect(byteProblem(answer.bytes), `POST ${url}`).toBeNull();
  }
});
