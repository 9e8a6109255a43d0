// Correctness under the page cache: the production server (server.mjs, two worker processes)
// answers public pages from memory, yet after an official's submission is published, a comment
// is approved or a sunset passes, the affected pages, exports and feeds change on the very next
// request in every worker; pages with a session are never cached or served to someone else.
//
// The server runs on its own database in a temporary directory; the changes are made from this
// process through the registry, as another server process would make them.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/paths";
import { openDatabase, type Db } from "../../db/client.server";
import { DEMO_PASSWORD, SEED_SCRIPT } from "../helpers/seed";
import { ctxOf } from "../../registry/shared/context";
import { actorById } from "../../registry/auth/accounts.server";
import type { Actor } from "../../registry/auth/roles";
import { moderateComment, postComment } from "../../registry/voice/comments.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { completeSections, newIdentity } from "../helpers/factories";

test.describe.configure({ mode: "serial" });

const PORT = 3290;
let tmp = "";
let clock = "";
let server: ChildProcess | undefined;
let db: Db;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** One request on a new connection, so successive requests go to both workers (round robin). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: "127.0.0.1", port: PORT, path: url, agent: false, headers: { "Accept-Language": "zh-CN", ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
  });
}

/** Ten requests on ten connections: both workers answer, each from its cache when it can. */
async function tenTimes(url: string, headers: Record<string, string> = {}): Promise<Answer[]> {
  const out: Answer[] = [];
  for (let i = 0; i < 10; i++) out.push(await get(url, headers));
  return out;
}

const actor = (email: string): Actor => actorById((db.$client.prepare(`SELECT id FROM users WHERE email = ?`).get(email) as { id: number }).id, db)!;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-cache-"));
  clock = path.join(tmp, "clock");
  fs.writeFileSync(clock, "2026-03-01T02:00:00.000Z");
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite") };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  db = openDatabase(env.DATABASE_PATH);
  server = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", WEB_CONCURRENCY: "2", REGISTER_CLOCK_FILE: clock, REGISTER_ALLOW_TEST_CLOCK: "1" },
    stdio: "ignore",
  });
  for (let i = 0; i < 200; i++) {
    try {
      if ((await get("/standard/v1.schema.json")).status === 200) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
});

test.afterAll(() => {
  server?.kill("SIGTERM");
  db?.$client.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

test("public pages are served from the cache of each worker, with validators and proxy caching", async () => {
  const answers = await tenTimes("/tools/ALG-000001");
  expect(answers.every((a) => a.status === 200)).toBe(true);
  const states = answers.map((a) => a.headers["x-page-cache"]);
  // At most one render per worker; every other answer came from memory, all identical.
  expect(states.filter((s) => s === "miss").length).toBeLessThanOrEqual(2);
  expect(states.filter((s) => s === "hit").length).toBeGreaterThanOrEqual(8);
  expect(new Set(answers.map((a) => a.body)).size).toBe(1);
  const a = answers[9]!;
  expect(a.headers["cache-control"]).toMatch(/^public, .*stale-while-revalidate=\d+/);
  expect(a.headers.vary).toContain("Cookie");
  expect((await get("/tools/ALG-000001", { "If-None-Match": String(a.headers.etag) })).status).toBe(304);
  // Each language is its own page.
  const en = await get("/tools/ALG-000001", { "Accept-Language": "en" });
  expect(en.body).toContain('<html lang="en"');
  expect(a.body).toContain('<html lang="zh-Hans"');
});

test("a request with a forged Host cannot plant its page for others", async () => {
  const forged = await get("/api", { Host: "evil.example" });
  expect(forged.body).toContain("evil.example");
  for (const a of await tenTimes("/api")) expect(a.body).not.toContain("evil.example");
});

test("a POST that is not a form gets a clear 415, not a server error", async () => {
  const answer = await new Promise<Answer>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, path: "/tools/ALG-000001", method: "POST", agent: false, headers: { "Content-Type": "application/json" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end("{}");
  });
  expect(answer.status).toBe(415);
  expect(answer.body).toContain("form submissions only");
});

test("an approved comment shows on the next request in every worker, and in the comments export", async () => {
  await tenTimes("/tools/ALG-000002");
  const text = `缓存测试意见 ${Date.now()}`;
  const posted = await postComment(ctxOf({ address: "10.9.9.9", now: new Date("2026-03-01T02:00:00Z"), db }), { toolId: "ALG-000002", comment: { body: text, displayName: "测试" } });
  if (!posted.ok) throw new Error(JSON.stringify(posted));
  // Pending: not public, so the cached page is still right.
  expect((await tenTimes("/tools/ALG-000002")).every((a) => !a.body.includes(text))).toBe(true);
  await moderateComment(ctxOf({ actor: actor("reviewer.samr@register.example"), now: new Date("2026-03-01T02:01:00Z"), db }), { commentId: posted.id, decision: "publish", reason: undefined });
  const after = await tenTimes("/tools/ALG-000002");
  expect(after.map((a) => a.body.includes(text))).toEqual(Array(10).fill(true));
  expect((await get("/comments.csv")).body).toContain(text);
});

test("an official's submission is public on the next request: list, home, record, export and feeds", async () => {
  for (const url of ["/", "/tools", "/sunsets"]) await tenTimes(url);
  const official = actor("official.shanghai@register.example");
  const now = new Date("2026-03-01T03:00:00Z");
  const { toolId } = await createDraft(ctxOf({ actor: official, now, db }), { identity: { ...newIdentity("cache-test-tool"), name: { zh: "缓存测试工具", en: "Cache test tool" } } });
  // Due for sunset within 60 days of the register's clock (2026-03-01), so the home page and
  // /sunsets list it; it lapses when the next test moves the clock to July.
  for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2026-04-15" }))) await saveDraftSection(ctxOf({ actor: official, db }), { toolId, section: n as SectionName, value: v });
  // A draft is private: the public pages do not change.
  expect((await tenTimes("/tools")).every((a) => !a.body.includes("缓存测试工具"))).toBe(true);
  await submitDraft(ctxOf({ actor: official, now, db }), { toolId });
  for (const url of ["/tools", "/", `/tools/${toolId}`, "/sunsets"]) {
    const answers = await tenTimes(url);
    expect(answers.map((a) => a.status), url).toEqual(Array(10).fill(200));
    expect(answers.every((a) => a.body.includes("缓存测试工具")), url).toBe(true);
  }
  expect((await get("/tools.csv")).body).toContain(toolId);
  expect((await get("/changes.atom")).body).toContain(toolId);
});

test("a sunset passing changes the pages and the feed the next day, with nothing written", async () => {
  const id = (db.$client.prepare(`SELECT id FROM tools WHERE slug = 'cache-test-tool'`).get() as { id: string }).id;
  const before = await tenTimes(`/tools/${id}`);
  expect(before.every((a) => !a.body.includes("继续运行即属违规"))).toBe(true);
  const sunsetsBefore = (await get("/sunsets.atom")).body;
  fs.writeFileSync(clock, "2026-07-01T02:00:00.000Z");
  const after = await tenTimes(`/tools/${id}`);
  expect(after.map((a) => a.body.includes("继续运行即属违规"))).toEqual(Array(10).fill(true));
  const sunsetsAfter = (await get("/sunsets.atom")).body;
  expect(sunsetsAfter).not.toBe(sunsetsBefore);
  expect(sunsetsAfter).toContain(id);
});

test("pages with a session are never cached, and never served to anyone else", async () => {
  const login = await new Promise<Answer>((resolve, reject) => {
    const body = new URLSearchParams({ email: "official.shanghai@register.example", password: DEMO_PASSWORD }).toString();
    const req = http.request(
      { host: "127.0.0.1", port: PORT, path: "/login", method: "POST", agent: false, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: `http://127.0.0.1:${PORT}`, Host: `127.0.0.1:${PORT}` } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: "" }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
  const cookie = (login.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]).join("; ");
  expect(cookie).toContain("__session=");
  for (const url of ["/drafts", "/tools/ALG-000001", "/"]) {
    const mine = await tenTimes(url, { Cookie: cookie });
    expect(mine.every((a) => a.status === 200 && a.headers["x-page-cache"] === undefined), url).toBe(true);
    expect(mine.every((a) => a.headers["cache-control"] === "private, no-store"), url).toBe(true);
    expect(mine.every((a) => a.body.includes("退出登录")), url).toBe(true);
  }
  // Anonymous visitors afterwards get the public page or the login page, never the official's.
  for (const a of await tenTimes("/tools/ALG-000001")) expect(a.body).not.toContain("退出登录");
  for (const a of await tenTimes("/drafts")) expect(a.status).toBe(302);
});
