// The server under attack (issue 10): bodies over their limit are refused before they are read,
// a request with any spelling of a session cookie is never cached or answered from the cache,
// cross-site forms get a 403 in both languages (never a bare 500), every answer carries the
// security headers and every document a CSP that lists its own inline scripts, invented query
// parameters cannot multiply renders, clients that hang up mid-render cannot wedge a worker, and
// a bad TRUST_PROXY stops the server once, with a reason.
// Each runs against the production server (two workers) on its own database.
import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { spawn } from "node:child_process";
import net from "node:net";
import { ROOT } from "../helpers/paths";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../helpers/seed";
import { request, serverForSpec } from "../helpers/server-process";

test.describe.configure({ mode: "serial" });

const PORT = 3292;
const get = (url: string, headers: Record<string, string> = {}) => request(PORT, url, { headers });
const form = (url: string, body: string, headers: Record<string, string> = {}, chunked = false) =>
  request(PORT, url, { method: "POST", body, chunked, headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers } });

/** Signs in through the login form and returns the session cookie's value. */
async function signIn(email: string): Promise<string> {
  const answer = await form("/login", new URLSearchParams({ email, password: DEMO_PASSWORD, next: "/account" }).toString());
  expect(answer.status).toBe(302);
  const cookie = String(answer.headers["set-cookie"]).match(/__session=([^;]+)/);
  expect(cookie).not.toBeNull();
  return cookie![1]!;
}

const spec = serverForSpec("register-hardening-", PORT, { WEB_CONCURRENCY: "2" });

test("bodies over their limit are refused with 413 before they are read, chunked ones included", async () => {
  const big = `body=${"a".repeat(300 * 1024)}`;
  for (const chunked of [false, true]) {
    const answer = await form("/tools/ALG-000001", big, {}, chunked);
    expect(answer.status, `chunked: ${chunked}`).toBe(413);
    expect(answer.body).toContain("提交的数据过多");
    expect(answer.body).toContain("Too much data sent");
  }
  // An anonymous upload to the import gets the public limit, not the import's.
  expect((await form("/drafts/import", big, {}, true)).status).toBe(413);
  // A signed-in official's upload over the import's cap, sent chunked (no Content-Length).
  const token = await signIn("official.shanghai@register.example");
  const huge = "x".repeat(22 * 1024 * 1024);
  const upload = await request(PORT, "/drafts/import", {
    method: "POST",
    chunked: true,
    body: huge,
    headers: { "Content-Type": "multipart/form-data; boundary=b", Cookie: `__session=${token}` },
  });
  expect(upload.status).toBe(413);
  // A comment of ordinary size still goes through.
  const ok = await form("/tools/ALG-000001", new URLSearchParams({ intent: "comment", displayName: "测试", body: "一条普通的评论。" }).toString());
  expect(ok.status).toBeLessThan(500);
  expect(ok.status).not.toBe(413);
});

test("a session cookie in any spelling is never answered from the page cache nor stored in it", async () => {
  const token = await signIn("official.shanghai@register.example");
  for (const cookie of [`__session =${token}`, ` __session=${token}`, `lang=x;__session=${token}`]) {
    const mine = await get("/agencies", { Cookie: cookie });
    expect(mine.status).toBe(200);
    expect(mine.headers["x-page-cache"], cookie).toBeUndefined();
    expect(mine.headers["cache-control"]).toBe("private, no-store");
  }
  // Anonymous visitors on every worker get the public page, never the official's.
  for (let i = 0; i < 6; i++) {
    const anon = await get("/agencies");
    expect(anon.status).toBe(200);
    expect(anon.body).not.toContain(DEMO_ACCOUNTS.find((a) => a.role === "official")!.displayName);
    expect(anon.body).not.toContain('action="/logout"');
    expect(anon.body).not.toContain('name="csrf"');
  }
});

test("cross-site form posts are refused with 403 in both languages, never a 500", async () => {
  const body = new URLSearchParams({ intent: "comment", displayName: "x", body: "y" }).toString();
  for (const origin of ["https://evil.example", "null", "not a url"]) {
    for (const url of ["/tools/ALG-000001", "/login", "/lang"]) {
      const answer = await form(url, body, { Origin: origin });
      expect(answer.status, `${origin} ${url}`).toBe(403);
      expect(answer.body).toContain("表单被拒绝");
      expect(answer.body).toContain("Form refused");
    }
  }
  expect((await form("/tools/ALG-000001", body, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
  expect(spec.server().stderr()).not.toContain("Aborting the action");
});

test("every answer carries the security headers; a document's CSP lists exactly its inline scripts", async () => {
  for (const url of ["/", "/tools/ALG-000001", "/tools.csv", "/api/v1/tools", "/no/such/page", "/login"]) {
    const answer = await get(url);
    expect(answer.headers["x-content-type-options"], url).toBe("nosniff");
    expect(answer.headers["referrer-policy"], url).toBeTruthy();
    expect(answer.headers["content-security-policy"], url).toContain("frame-ancestors 'none'");
  }
  // Rendered, then from the cache: the same policy, and it matches the page's own scripts.
  const first = await get("/tools/ALG-000002");
  const again = await get("/tools/ALG-000002");
  for (const page of [first, again]) {
    const csp = String(page.headers["content-security-policy"]);
    const inline = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc=/.test(m[1]!));
    expect(inline.length).toBeGreaterThan(0);
    for (const m of inline) expect(csp).toContain(`'sha256-${createHash("sha256").update(m[2]!).digest("base64")}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  }
  expect(String(again.headers["content-security-policy"])).toBe(String(first.headers["content-security-policy"]));
});

test("the policy lets the register's own scripts run and keeps it out of frames", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => /Content Security Policy|Refused to/.test(m.text()) && violations.push(m.text()));
  await page.goto(`http://127.0.0.1:${PORT}/tools/ALG-000002`);
  // Hydrated: a link is followed in the page, without a new document (the marker survives).
  await page.waitForLoadState("networkidle");
  await page.evaluate(() => ((window as unknown as { marker?: number }).marker = 42));
  await page.locator('nav a[href="/agencies"]').first().click();
  await page.waitForURL(/\/agencies$/);
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  expect(violations).toEqual([]);
  // No page, not even one of the same origin, can frame the decision or comment forms.
  await page.route(`http://127.0.0.1:${PORT}/framer`, (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe id="f" src="http://127.0.0.1:${PORT}/tools/ALG-000001" width="800" height="600"></iframe>` }),
  );
  await page.goto(`http://127.0.0.1:${PORT}/framer`);
  await page.waitForTimeout(1500);
  const contents = await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.content().catch(() => "")));
  expect(contents.length).toBe(1);
  expect(contents[0]).not.toContain("ALG-000001");
});

test("invented query parameters are redirected to the page's canonical address, so they cannot multiply renders", async () => {
  for (let i = 0; i < 3; i++) {
    const answer = await get(`/tools?kind=app&x=${Math.random()}`);
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/tools?kind=app");
  }
  expect((await get(`/tools/ALG-000001?utm=${Math.random()}`)).headers.location).toBe("/tools/ALG-000001");
  // The parameters a page reads are kept, and the canonical page comes from the cache.
  const states = [];
  for (let i = 0; i < 6; i++) {
    const answer = await get("/tools?kind=app");
    expect(answer.status).toBe(200);
    states.push(answer.headers["x-page-cache"]);
  }
  expect(states.filter((s) => s === "hit").length).toBeGreaterThanOrEqual(4);
  // Signed-in pages and exports are not touched.
  expect((await get(`/tools.csv?kind=app&x=1`)).status).toBe(200);
});

test("clients that hang up while their page renders cannot take a worker's render slots for good", async () => {
  test.setTimeout(60_000);
  // Requests that are rendered (never answered from the page cache: they carry a session cookie,
  // valid or not), each dropped by its client after 0-150 ms, mostly while the page renders. Each
  // such hang-up once kept one of a worker's four render slots forever (CI run of stop 25).
  const paths = ["/tools?q=%E5%81%A5%E5%BA%B7%E7%A0%81", "/tools", "/standard", "/log", "/tools/ALG-000002", "/en/tools?kind=app"];
  const hangUp = (path: string, afterMs: number) =>
    new Promise<void>((resolve) => {
      const sock = net.connect(PORT, "127.0.0.1", () => {
        sock.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${PORT}\r\nCookie: __session=forged\r\nAccept-Language: zh-CN\r\n\r\n`);
        setTimeout(() => (sock.destroy(), resolve()), afterMs);
      });
      sock.on("error", () => resolve());
    });
  for (let round = 0; round < 6; round++)
    await Promise.all(Array.from({ length: 8 }, (_, i) => hangUp(paths[(round + i) % paths.length]!, (i * 19 + round * 7) % 150)));
  // Every worker still renders: fresh connections (round robin over both workers), each answered in time.
  for (let i = 0; i < 6; i++) {
    const answer = await Promise.race([
      get("/standard", { Cookie: "__session=forged" }),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000)),
    ]);
    expect(answer?.status, `request ${i + 1} after the hang-ups`).toBe(200);
  }
});

test("TRUST_PROXY=true or garbage stops the server once with the accepted values, not a crash loop", async () => {
  test.setTimeout(30_000);
  for (const value of ["true", "everyone"]) {
    const child = spawn(process.execPath, ["server.mjs"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", PORT: "3293", WEB_CONCURRENCY: "2", TRUST_PROXY: value, DATABASE_PATH: spec.databasePath() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout!.on("data", (c: Buffer) => (out += c));
    child.stderr!.on("data", (c: Buffer) => (out += c));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => (child.kill("SIGKILL"), resolve(null)), 10_000);
      child.on("exit", (c) => (clearTimeout(timer), resolve(c)));
    });
    expect(code, out).toBe(1);
    expect(out).toContain("TRUST_PROXY");
    expect(out).toContain("loopback");
    expect(out).not.toContain("starting another");
  }
});
