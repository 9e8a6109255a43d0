// The shipped proxy tier, run: Debian's nginx with deploy/nginx.conf as shipped (only the app
// servers' addresses, the listen address and the cache directory substituted, at the markers in
// the file) in front of two app servers (`node server.mjs`, one worker each) on one database.
// Through it: forms work with a browser's Origin, every language variant gets the page the app
// itself gives for the same headers, a /zh or /en address gets its language whatever the headers
// and is stored once, no signed-in page is ever stored, and a change is visible within s-maxage
// plus 2 s.
//
// Needs nginx (Debian package nginx-light; `npm test` installs it when run as root). Without it
// the file is skipped, except with CI set, where it fails.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { ctxOf } from "../../registry/shared/context";
import { ROOT, TMP } from "../helpers/paths";
import { openDatabase, type Db } from "../../db/client.server";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, SEED_SCRIPT } from "../helpers/seed";
import { actorById } from "../../registry/auth/accounts.server";
import type { Actor } from "../../registry/auth/roles";
import { moderateComment, postComment } from "../../registry/voice/comments.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { completeSections, newIdentity } from "../helpers/factories";

const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
const IN_CI = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";
const HAVE_NGINX = fs.existsSync(NGINX);
test.skip(!HAVE_NGINX && !IN_CI, `nginx is not installed (${NGINX}): install Debian's nginx-light to run the proxy test`);
test.describe.configure({ mode: "serial" });

// The proxy, then the two app servers.
const BASE_PORT = Number(process.env.NGINX_E2E_PORT ?? 3320);
const PROXY = BASE_PORT;
const APPS = [BASE_PORT + 1, BASE_PORT + 2];
const PROXY_ORIGIN = `http://127.0.0.1:${PROXY}`;
const NOW = "2026-09-01T09:00:00.000Z";
const OFFICIAL = { email: "official.shanghai@register.example", name: DEMO_ACCOUNTS.find((a) => a.email === "official.shanghai@register.example")!.displayName };

let tmp = "";
let db: Db;
let nginx: ChildProcess | undefined;
const apps: ChildProcess[] = [];
let consultationTool = "";

// ---------------------------------------------------------------------------------------------
// A raw HTTP/1.1 client: the header bytes go out exactly as written (tabs, non-ASCII bytes,
// repeated headers), which is what the cache key has to cope with.

type Header = [string, string];
type Answer = { status: number; headers: Record<string, string>; setCookies: string[]; body: string };

function request(port: number, method: string, target: string, headers: Header[] = [], body?: string): Promise<Answer> {
  const lines = [`${method} ${target} HTTP/1.1`];
  if (!headers.some(([k]) => k.toLowerCase() === "host")) lines.push(`Host: 127.0.0.1:${port}`);
  for (const [k, v] of headers) lines.push(`${k}:${v.startsWith("\t") ? "" : " "}${v}`);
  lines.push("Connection: close");
  const payload = body === undefined ? Buffer.alloc(0) : Buffer.from(body, "utf8");
  if (body !== undefined) lines.push(`Content-Length: ${payload.length}`);
  const head = Buffer.from(lines.join("\r\n") + "\r\n\r\n", "latin1");
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // Written without a half-close: nginx takes one for a client that went away (499).
    const socket = net.connect(port, "127.0.0.1", () => socket.write(Buffer.concat([head, payload])));
    socket.on("data", (c: Buffer) => chunks.push(c));
    socket.on("error", reject);
    socket.on("close", () => {
      try {
        resolve(parseAnswer(Buffer.concat(chunks)));
      } catch (e) {
        reject(e);
      }
    });
  });
}

function parseAnswer(all: Buffer): Answer {
  const end = all.indexOf("\r\n\r\n");
  if (end < 0) throw new Error(`no HTTP answer: ${all.toString("latin1").slice(0, 200)}`);
  const [statusLine, ...headerLines] = all.subarray(0, end).toString("latin1").split("\r\n");
  const headers: Record<string, string> = {};
  const setCookies: string[] = [];
  for (const line of headerLines) {
    const i = line.indexOf(":");
    const k = line.slice(0, i).trim().toLowerCase();
    const v = line.slice(i + 1).trim();
    if (k === "set-cookie") setCookies.push(v);
    headers[k] = headers[k] === undefined ? v : `${headers[k]}, ${v}`;
  }
  let body = all.subarray(end + 4);
  if (/chunked/i.test(headers["transfer-encoding"] ?? "")) {
    const parts: Buffer[] = [];
    let at = 0;
    for (;;) {
      const eol = body.indexOf("\r\n", at);
      const size = parseInt(body.subarray(at, eol).toString("latin1"), 16);
      if (!size) break;
      parts.push(body.subarray(eol + 2, eol + 2 + size));
      at = eol + 2 + size + 2;
    }
    body = Buffer.concat(parts);
  }
  return { status: Number(statusLine!.split(" ")[1]), headers, setCookies, body: body.toString("utf8") };
}

const viaProxy = (target: string, headers: Header[] = []) => request(PROXY, "GET", target, headers);
const direct = (target: string, headers: Header[] = []) => request(APPS[0]!, "GET", target, headers);
const langOf = (a: Answer) => /<html lang="([^"]+)"/.exec(a.body)?.[1] ?? `(no page: ${a.status})`;

// ---------------------------------------------------------------------------------------------
// Processes

/** deploy/nginx.conf with the three marked substitutions, nothing else. */
function shippedConfig(upstreams: number[], listenPort: number, cacheDir: string): string {
  const text = fs.readFileSync(path.join(ROOT, "deploy/nginx.conf"), "utf8");
  const once = (re: RegExp, what: string) => {
    const n = text.match(new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g"))?.length ?? 0;
    if (n !== 1) throw new Error(`deploy/nginx.conf: expected exactly one ${what} marker, found ${n}`);
  };
  once(/^.*# @test:upstream-begin[\s\S]*?# @test:upstream-end.*$/m, "@test:upstream-begin/end");
  once(/^\s*listen [^;]+;\s*# @test:listen\s*$/m, "@test:listen");
  once(/^\s*proxy_cache_path \S+ .*# @test:cache-path\s*$/m, "@test:cache-path");
  return text
    .replace(/^.*# @test:upstream-begin[\s\S]*?# @test:upstream-end.*$/m, upstreams.map((p) => `    server 127.0.0.1:${p};`).join("\n"))
    .replace(/^(\s*listen )[^;]+(;\s*# @test:listen)/m, `$1127.0.0.1:${listenPort}$2`)
    .replace(/^(\s*proxy_cache_path )\S+(.*# @test:cache-path)/m, `$1${cacheDir}$2`);
}

async function waitFor(port: number, what: string, target = "/standard/v1.schema.json") {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await request(port, "GET", target)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} on port ${port} did not answer; see the logs in ${tmp}`);
}

const actor = (email: string): Actor => actorById((db.$client.prepare(`SELECT id FROM users WHERE email = ?`).get(email) as { id: number }).id, db)!;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  if (!HAVE_NGINX) throw new Error(`nginx is not installed (${NGINX}) and CI is set: the proxy test must run. Install Debian's nginx-light (npm test does, as root).`);
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) throw new Error("No production build: run `npx remix build` first.");
  fs.mkdirSync(TMP, { recursive: true });
  tmp = fs.mkdtempSync(path.join(TMP, "nginx-"));
  const clock = path.join(tmp, "clock");
  fs.writeFileSync(clock, NOW);
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite") };
  // Migrated and seeded as test/e2e/serve.sh does.
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  db = openDatabase(env.DATABASE_PATH);

  // A level III tool in its consultation window, so anyone may comment on it.
  const official = actor(OFFICIAL.email);
  consultationTool = (await createDraft(ctxOf({ actor: official, now: new Date(NOW), db }), { identity: newIdentity("nginx-consultation") })).toolId;
  for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-06-01" }))) await saveDraftSection(ctxOf({ actor: official, db }), { toolId: consultationTool, section: n as SectionName, value: v });
  await submitDraft(ctxOf({ actor: official, now: new Date(NOW), db }), { toolId: consultationTool });

  for (const port of APPS) {
    const log = fs.openSync(path.join(tmp, `app-${port}.log`), "a");
    apps.push(
      spawn(process.execPath, ["server.mjs"], {
        cwd: ROOT,
        env: { ...env, NODE_ENV: "production", PORT: String(port), HOST: "127.0.0.1", WEB_CONCURRENCY: "1", TRUST_PROXY: "loopback", REGISTER_CLOCK_FILE: clock, REGISTER_ALLOW_TEST_CLOCK: "1" },
        stdio: ["ignore", log, log],
      }),
    );
  }

  const conf = path.join(tmp, "nginx");
  for (const d of ["cache", "temp", "logs"]) fs.mkdirSync(path.join(conf, d), { recursive: true });
  fs.writeFileSync(path.join(conf, "register.conf"), shippedConfig(APPS, PROXY, path.join(conf, "cache")));
  const temp = (kind: string) => `${kind}_temp_path ${path.join(conf, "temp", kind)};`;
  fs.writeFileSync(
    path.join(conf, "nginx.conf"),
    [
      // As root the workers would switch to "nobody", who cannot reach this directory.
      process.getuid?.() === 0 ? "user root;" : "",
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(conf, "nginx.pid")};`,
      `error_log ${path.join(conf, "logs/error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  access_log ${path.join(conf, "logs/access.log")};`,
      `  ${temp("client_body")} ${temp("proxy")} ${temp("fastcgi")} ${temp("uwsgi")} ${temp("scgi")}`,
      `  include ${path.join(conf, "register.conf")};`,
      "}",
    ].join("\n"),
  );
  const args = ["-p", conf, "-c", path.join(conf, "nginx.conf"), "-e", path.join(conf, "logs/error.log")];
  execFileSync(NGINX, [...args, "-t"], { stdio: "pipe" });
  nginx = spawn(NGINX, args, { stdio: "ignore" });

  for (const port of APPS) await waitFor(port, "app server");
  await waitFor(PROXY, "nginx");
});

let failed = false;
test.afterEach(({}, info) => {
  if (info.status !== info.expectedStatus) failed = true;
});

test.afterAll(() => {
  nginx?.kill("SIGTERM");
  for (const a of apps) a.kill("SIGTERM");
  db?.$client.close();
  // Kept after a failure, for the nginx and app logs in it.
  if (tmp && !failed) fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) console.log(`nginx-proxy: logs kept in ${tmp}`);
});

// ---------------------------------------------------------------------------------------------

test("login and a comment post work through nginx with the browser's Origin", async ({ browser }) => {
  test.setTimeout(60_000);
  // The plain check: a form post that carries the page's origin, as every browser sends it.
  const form = new URLSearchParams({ email: OFFICIAL.email, password: DEMO_PASSWORD }).toString();
  const login = await request(PROXY, "POST", "/login", [["Origin", PROXY_ORIGIN], ["Content-Type", "application/x-www-form-urlencoded"]], form);
  expect(login.status, login.body.slice(0, 300)).toBe(302);
  expect(login.setCookies.join("\n")).toContain("__session=");

  // In Chromium: sign in through the proxy, then comment anonymously on a tool in consultation.
  const staff = await browser.newContext({ locale: "zh-CN", baseURL: PROXY_ORIGIN });
  const page = await staff.newPage();
  await page.goto("/login");
  await page.getByLabel("电子邮箱").fill(OFFICIAL.email);
  await page.getByLabel("密码").fill(DEMO_PASSWORD);
  const [post] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && /^\/login(\.data)?$/.test(new URL(r.url()).pathname)), page.getByRole("button", { name: "登录" }).click()]);
  expect((await post.allHeaders()).origin).toBe(PROXY_ORIGIN);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("main")).toContainText(OFFICIAL.email);
  await expect(page.getByRole("button", { name: "退出登录" })).toBeVisible();
  await staff.close();

  const person = await browser.newContext({ javaScriptEnabled: false, locale: "zh-CN", baseURL: PROXY_ORIGIN });
  const p = await person.newPage();
  await p.goto(`/tools/${consultationTool}`);
  await p.getByLabel("您的评论").fill("经由代理提交的评论");
  await p.getByRole("button", { name: "提交审核" }).click();
  await expect(p.getByRole("status")).toContainText("审核通过后");
  await person.close();
  const stored = db.$client.prepare(`SELECT count(*) AS n FROM comments WHERE body = ?`).get("经由代理提交的评论") as { n: number };
  expect(stored.n).toBe(1);
});

// Every visitor below is one set of headers; through nginx each must get the language the app
// itself gives for the same headers, whatever was stored before it under a neighbouring key.
const EN = "ImVuIg%3D%3D"; // langCookie.serialize("en")
const ZH = "InpoIg%3D%3D"; // langCookie.serialize("zh")
const VISITORS: { name: string; headers: Header[] }[] = [
  { name: "zh-CN", headers: [["Accept-Language", "zh-CN,zh;q=0.9"]] },
  { name: "fr, en", headers: [["Accept-Language", "fr, en"]] },
  { name: "en-US", headers: [["Accept-Language", "en-US,en;q=0.9"]] },
  { name: "en;q=0, zh", headers: [["Accept-Language", "en;q=0, zh"]] },
  { name: "no Accept-Language", headers: [] },
  { name: "de;q=0.9, EN;q=0.8", headers: [["Accept-Language", "de;q=0.9, EN;q=0.8"]] },
  { name: "cookie en, zh-CN", headers: [["Cookie", `lang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "cookie zh, en-US", headers: [["Cookie", `lang=${ZH}`], ["Accept-Language", "en-US"]] },
  { name: "cookie en unpadded (ImVuIg), zh-CN", headers: [["Cookie", "lang=ImVuIg"], ["Accept-Language", "zh-CN"]] },
  { name: "cookie zh unpadded (InpoIg), en-US", headers: [["Cookie", "lang=InpoIg"], ["Accept-Language", "en-US"]] },
  { name: "cookie en raw (ImVuIg==), zh-CN", headers: [["Cookie", "lang=ImVuIg=="], ["Accept-Language", "zh-CN"]] },
  { name: "cookie garbage, en", headers: [["Cookie", "lang=garbage"], ["Accept-Language", "en"]] },
  { name: "cookie garbage, zh-CN", headers: [["Cookie", "lang=garbage"], ["Accept-Language", "zh-CN"]] },
  { name: "LANG= (other case), zh-CN", headers: [["Cookie", `LANG=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "xlang=, zh-CN", headers: [["Cookie", `xlang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "lang =, zh-CN", headers: [["Cookie", `lang =${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "a=1, lang= (comma), zh-CN", headers: [["Cookie", `a=1, lang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "a=1;lang=, zh-CN", headers: [["Cookie", `a=1;lang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "tab before lang=, zh-CN", headers: [["Cookie", `\tlang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "no-break space after ;, zh-CN", headers: [["Cookie", `a=1;\u00a0lang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "two Cookie headers, zh-CN", headers: [["Cookie", "a=1"], ["Cookie", `lang=${EN}`], ["Accept-Language", "zh-CN"]] },
  { name: "lang twice, en first", headers: [["Cookie", `lang=${EN}; lang=${ZH}`], ["Accept-Language", "zh-CN"]] },
  { name: "lang twice, zh first", headers: [["Cookie", `lang=${ZH}; lang=${EN}`], ["Accept-Language", "en"]] },
];

/** What nginx says when it answered from its cache. */
const CACHED = ["HIT", "STALE", "UPDATING", "REVALIDATED"];

test("each language variant gets the page the app gives for the same headers", async () => {
  test.setTimeout(120_000);
  const expected = new Map<string, string>();
  for (const v of VISITORS) expected.set(v.name, langOf(await direct("/tools/ALG-000001", v.headers)));
  // The cases the old configuration got wrong, as the app answers them.
  expect(expected.get("fr, en")).toBe("en");
  expect(expected.get("en;q=0, zh")).toBe("zh-Hans");
  expect(expected.get("cookie en unpadded (ImVuIg), zh-CN")).toBe("en");
  expect(expected.get("zh-CN")).toBe("zh-Hans");
  expect(expected.get("en-US")).toBe("en");

  // Each order on its own page, so every visitor comes both before and after every other one.
  const orders: [string, typeof VISITORS][] = [
    ["/tools/ALG-000003", VISITORS],
    ["/tools/ALG-000004", [...VISITORS].reverse()],
  ];
  const wrong: string[] = [];
  for (const [url, visitors] of orders) {
    for (const pass of ["first", "again"]) {
      for (const v of visitors) {
        const a = await viaProxy(url, v.headers);
        const want = langOf(await direct(url, v.headers));
        const status = a.headers["x-cache-status"];
        if (langOf(a) !== want) wrong.push(`${url} ${pass} "${v.name}": nginx ${langOf(a)} (${status}), app ${want}`);
        // The second time round each visitor's page is in the cache: the test is not vacuous.
        if (pass === "again" && !CACHED.includes(status ?? "")) wrong.push(`${url} "${v.name}" was not cached: ${status}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

test("a /zh or /en address fixes the language through nginx and is stored once for every visitor", async () => {
  test.setTimeout(120_000);
  // Plain requests first: no cookie, no Accept-Language.
  const en = await viaProxy("/en/tools/ALG-000002");
  expect(en.status).toBe(200);
  expect(langOf(en)).toBe("en");
  const zhWithEnglishBrowser = await viaProxy("/zh/tools/ALG-000002", [["Accept-Language", "en"]]);
  expect(langOf(zhWithEnglishBrowser)).toBe("zh-Hans");
  const enWithChineseBrowser = await viaProxy("/en/tools/ALG-000002", [["Accept-Language", "zh"]]);
  expect(langOf(enWithChineseBrowser)).toBe("en");
  // The Chinese browser got the English page nginx stored for the first request: one entry.
  expect(enWithChineseBrowser.headers["x-cache-status"]).toBe("HIT");

  // Every visitor of the unprefixed test, in both orders, on both prefixes: always the prefix's
  // language, and (after the first request of each address) from the one stored copy.
  const wrong: string[] = [];
  for (const [url, want, visitors] of [
    ["/en/tools/ALG-000006", "en", VISITORS],
    ["/zh/tools/ALG-000006", "zh-Hans", VISITORS],
    ["/en/agencies", "en", [...VISITORS].reverse()],
    ["/zh/agencies", "zh-Hans", [...VISITORS].reverse()],
  ] as const) {
    for (const [i, v] of visitors.entries()) {
      const a = await viaProxy(url, v.headers);
      const status = a.headers["x-cache-status"] ?? "";
      if (langOf(a) !== want) wrong.push(`${url} "${v.name}": ${langOf(a)} (${status}), not ${want}`);
      if (i > 0 && !CACHED.includes(status)) wrong.push(`${url} "${v.name}" was not answered from the one stored copy: ${status}`);
    }
    // And as the app itself answers the address, for the extremes.
    for (const v of [VISITORS[0]!, VISITORS[2]!, VISITORS[6]!, VISITORS[7]!]) if (langOf(await direct(url, v.headers)) !== want) wrong.push(`the app answers ${url} "${v.name}" in ${langOf(await direct(url, v.headers))}`);
  }
  expect(wrong).toEqual([]);
});

test("an address nginx decodes to a prefix but the app does not read as one is keyed by the headers", async () => {
  test.setTimeout(60_000);
  // /%65n/ is /en/ to nginx's $uri, but the app reads the raw target and negotiates the language:
  // were nginx to key it by the prefix, one entry would hold pages in both languages.
  const wrong: string[] = [];
  for (const url of ["/%65n/tools/ALG-000007", "/%7Ah/tools/ALG-000007"]) {
    for (const pass of ["first", "again"]) {
      for (const v of VISITORS) {
        const a = await viaProxy(url, v.headers);
        const want = langOf(await direct(url, v.headers));
        if (langOf(a) !== want) wrong.push(`${url} ${pass} "${v.name}": nginx ${langOf(a)} (${a.headers["x-cache-status"]}), app ${want}`);
      }
    }
  }
  expect(wrong).toEqual([]);
});

test("a forged Host cannot plant its page for others", async () => {
  const forged = await viaProxy("/api", [["Host", "evil.example"]]);
  expect(forged.body).toContain("evil.example");
  for (let i = 0; i < 4; i++) expect((await viaProxy("/api")).body).not.toContain("evil.example");
});

const PUBLIC_PAGES = ["/", "/agencies", "/tools", "/tools/ALG-000005", "/sunsets", "/api"];

/** Signs in through the proxy; the session cookie's value and what marks that user's pages. */
async function signIn() {
  const form = new URLSearchParams({ email: OFFICIAL.email, password: DEMO_PASSWORD }).toString();
  const login = await request(PROXY, "POST", "/login", [["Origin", PROXY_ORIGIN], ["Content-Type", "application/x-www-form-urlencoded"]], form);
  const token = /__session=([^;]*)/.exec(login.setCookies.join("\n"))?.[1];
  if (!token) throw new Error(`no session from the login: ${login.status}`);
  const account = await viaProxy("/account", [["Cookie", `__session=${token}`]]);
  const csrf = /name="csrf" value="([^"]+)"/.exec(account.body)?.[1];
  expect(account.body).toContain(OFFICIAL.name);
  expect(csrf).toBeTruthy();
  return { token, marks: [OFFICIAL.name, 'action="/logout"', csrf!] };
}

/** What nginx sends the app for a request to the proxy, so the app's own page cache sees the same key. */
const AS_PROXIED: Header[] = [
  ["Host", `127.0.0.1:${PROXY}`],
  ["X-Forwarded-Host", `127.0.0.1:${PROXY}`],
  ["X-Forwarded-Proto", "http"],
];

/**
 * Signed-in requests in the given cookie spellings through nginx: each is the user's page and was
 * not answered from nginx's cache. Then anonymous requests: none shows that user's page.
 * With `appFirst`, each anonymous answer is also asked of both app servers directly (with the
 * headers nginx would send), so a failure says whether the app or nginx kept the page.
 */
async function expectNoSignedInPageStored(spellings: Header[][], appFirst: string | undefined) {
  const { token, marks } = await signIn();
  const statuses: string[] = [];
  for (const url of PUBLIC_PAGES) {
    for (const spelling of spellings) {
      const headers = spelling.map(([k, v]): Header => [k, v.replace("TOKEN", token)]);
      const mine = await viaProxy(url, headers);
      const what = `${url} ${JSON.stringify(spelling)}`;
      expect(mine.status, what).toBe(200);
      // The app took it for that user (otherwise this would test nothing).
      expect(mine.body, `${what} was not answered as the signed-in user${appFirst ? ` (${appFirst})` : ""}`).toContain(marks[0]);
      // Never answered from nginx's cache (and proxy_no_cache keeps it out of the cache).
      if (mine.headers["x-cache-status"] !== "BYPASS") statuses.push(`${what}: ${mine.headers["x-cache-status"]}`);
    }
  }
  expect(statuses, "signed-in requests answered from nginx's cache").toEqual([]);
  // Anonymous visitors afterwards, in both languages, several times (both app servers).
  for (const url of PUBLIC_PAGES) {
    for (const anon of [[["Accept-Language", "zh-CN"]], [["Accept-Language", "en"]], [["Cookie", `lang=${EN}`]], []] as Header[][]) {
      const what = `${url} ${JSON.stringify(anon)}`;
      if (appFirst)
        for (const port of APPS) {
          const app = await request(port, "GET", url, [...AS_PROXIED, ...anon]);
          for (const mark of marks) expect(app.body, `the app on port ${port} itself (not nginx) shows the signed-in user's "${mark}" to ${what} (${appFirst})`).not.toContain(mark);
        }
      for (let i = 0; i < 2; i++) {
        const a = await viaProxy(url, anon);
        for (const mark of marks) expect(a.body, `${what} through nginx shows the signed-in user's "${mark}" (${a.headers["x-cache-status"]})`).not.toContain(mark);
      }
    }
  }
}

test("no signed-in page is ever stored by nginx (session cookie as browsers send it)", async () => {
  test.setTimeout(120_000);
  await expectNoSignedInPageStored(
    [
      [["Cookie", "__session=TOKEN"]],
      [["Cookie", "__session=TOKEN"], ["Accept-Language", "en"]],
      [["Cookie", `lang=${EN}; __session=TOKEN`]],
      [["Cookie", `lang=${EN}`], ["Cookie", "__session=TOKEN"]],
    ],
    undefined,
  );
});

test("an approved comment is visible through nginx within 7 s (s-maxage 5 + 2)", async () => {
  test.setTimeout(60_000);
  const url = `/tools/${consultationTool}`;
  const text = `经代理可见的意见 ${Date.now()}`;
  // The page is in nginx's cache.
  await viaProxy(url);
  expect((await viaProxy(url)).headers["x-cache-status"]).toBe("HIT");
  const posted = await postComment(ctxOf({ address: "10.9.9.9", now: new Date(NOW), db }), { toolId: consultationTool, comment: { body: text, displayName: "测试" } });
  if (!posted.ok) throw new Error(JSON.stringify(posted));
  await moderateComment(ctxOf({ actor: actor("reviewer.samr@register.example"), now: new Date(NOW), db }), { commentId: posted.id, decision: "publish", reason: undefined });
  const start = Date.now();
  const seen: string[] = [];
  for (;;) {
    const a = await viaProxy(url);
    seen.push(`${Date.now() - start} ms ${a.headers["x-cache-status"]}`);
    if (a.body.includes(text)) break;
    if (Date.now() - start > 7000) throw new Error(`the approved comment was not visible through nginx after 7 s: ${seen.join(", ")}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  // And it stays visible, on both app servers.
  for (let i = 0; i < 4; i++) expect((await viaProxy(url)).body).toContain(text);
});

// Last, so that it cannot stop the others. NOTE: this one also depends on the app, and fails until issue 10 finding 4 is fixed in the app
// (server.mjs pageKey, isPublicPage in app/entry.server.tsx: one notion of "signed in"). With
// `__session =<token>` (a space before "=") the app's cookie parser finds the session, but its page
// cache does not: the app either answers that user from its cache with the anonymous page, or
// renders the user's page, marks it public and keeps it for the next anonymous visitor, with no
// nginx involved. nginx itself bypasses its cache for every one of these spellings.
test("no signed-in page is ever stored by nginx (malformed `__session =` spelling)", async () => {
  test.setTimeout(120_000);
  await expectNoSignedInPageStored(
    [
      [["Cookie", "__session =TOKEN"]],
      [["Cookie", "a=1; __session =TOKEN"], ["Accept-Language", "en"]],
      [["Cookie", `lang=${EN}`], ["Cookie", "__session =TOKEN"]],
      [["Cookie", " __session\t=TOKEN"]],
    ],
    "the app's page cache does not see the malformed session cookie: issue 10 finding 4's app fix is missing",
  );
});
