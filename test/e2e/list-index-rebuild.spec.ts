// After a bulk write from another process (more than PATCH_LIMIT tools, as the import CLI makes),
// the production server (server.mjs, the Remix build) rebuilds its list index in a worker thread
// and keeps answering meanwhile from the old index (issue 17). Pages made from the old index are
// private: the page cache never keeps them, so once the new index is in, the next answer shows
// the new tools, and only that is cached.
import { test, expect } from "@playwright/test";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../helpers/paths";
import { openDatabase, type Db } from "../../db/client.server";
import { SEED_SCRIPT } from "../helpers/seed";
import { PATCH_LIMIT } from "../../registry/records/list-index.server";

test.describe.configure({ mode: "serial" });

const PORT = 3297;
let tmp = "";
let server: ChildProcess | undefined;
let db: Db;

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };
function get(url: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, path: url, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "register-rebuild-"));
  const env = { ...process.env, DATABASE_PATH: path.join(tmp, "register.sqlite") };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  db = openDatabase(env.DATABASE_PATH);
  server = spawn(process.execPath, ["server.mjs"], { cwd: ROOT, env: { ...env, NODE_ENV: "production", PORT: String(PORT), HOST: "127.0.0.1", WEB_CONCURRENCY: "1" }, stdio: "ignore" });
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

test("a list page made from the old index while the new one is built is never cached; the new list is", async () => {
  const url = "/en/tools?sort=updated";
  await get(url);
  const warm = await get(url);
  expect(warm.headers["x-page-cache"]).toBe("hit");
  expect(warm.body).not.toContain("Bulk tool");

  // Another process publishes more tools at once than a patch takes, updated last (first in the list).
  const revision = db.$client.prepare(`SELECT min(id) FROM revisions`).pluck().get() as number;
  const insert = db.$client.prepare(
    `INSERT INTO tools (id, slug, published_revision_id, name_zh, name_en, kind, jurisdiction_level, policy_domain, deployment_status, review_status, created_at, updated_at)
     SELECT ?, ?, ?, '批量工具', 'Bulk tool ' || ?, kind, jurisdiction_level, policy_domain, deployment_status, review_status, created_at, '2099-01-01T00:00:00.000Z' FROM tools WHERE seq = (SELECT min(seq) FROM tools)`,
  );
  db.$client.transaction(() => {
    for (let i = 0; i <= PATCH_LIMIT; i++) insert.run(`BULK-${i}`, `bulk-${i}`, revision, i);
  })();

  let stale = 0;
  const started = performance.now();
  for (;;) {
    const a = await get(url);
    expect(a.status).toBe(200);
    if (a.body.includes("Bulk tool")) break;
    // The old list: private, and rendered every time (never answered from the cache).
    stale++;
    expect(a.headers["cache-control"]).toMatch(/^private\b.*no-store/);
    expect(a.headers["x-page-cache"]).not.toBe("hit");
    expect(performance.now() - started, "the new index never came").toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 20));
  }
  // The server answered during the rebuild (a worker thread's build takes far longer than a request).
  expect(stale).toBeGreaterThan(0);
  const fresh = await get(url);
  expect(fresh.body).toContain("Bulk tool");
  expect(fresh.headers["cache-control"]).toMatch(/^public\b/);
  expect((await get(url)).headers["x-page-cache"]).toBe("hit");
});
