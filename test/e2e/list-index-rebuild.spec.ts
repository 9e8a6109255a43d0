// After a bulk write from another process (more than PATCH_LIMIT tools, as the import CLI makes),
// the production server (server.mjs, the Remix build) rebuilds its list index in a worker thread
// and keeps answering meanwhile from the old index (issue 17). Pages made from the old index are
// private: the page cache never keeps them, so once the new index is in, the next answer shows
// the new tools, and only that is cached.
import { test, expect } from "@playwright/test";
import { openDatabase, type Db } from "../../db/client.server";
import { request, serverForSpec } from "../helpers/server-process";
import { PATCH_LIMIT } from "../../registry/records/list-index.server";

test.describe.configure({ mode: "serial" });

const PORT = 3297;
const { databasePath } = serverForSpec("register-rebuild-", PORT, { WEB_CONCURRENCY: "1" });
let db: Db;
const get = (url: string) => request(PORT, url);

test.beforeAll(() => {
  db = openDatabase(databasePath());
});

test.afterAll(() => {
  db?.$client.close();
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
