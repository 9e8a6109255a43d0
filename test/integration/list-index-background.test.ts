// A server worker's list index is rebuilt in a worker thread, not on the request's thread (issue
// 17): after a bulk write from another connection (more than PATCH_LIMIT tools), requests keep the
// old index at once, marked stale; the pages made from it are marked private (never kept by the
// page cache) and skip tools no longer published; when the background build arrives it is
// swapped in and equals a full build, and the pages are public again.
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { canonical } from "../helpers/list-index";
import { buildListIndex, getListIndex, listIndexBuilding, PATCH_LIMIT, startListIndex, warmListIndex } from "../../registry/records/list-index.server";
import { listTools } from "../../registry/records/list.server";
import { ctxOf } from "../../registry/shared/context";
import { todayIso } from "../../registry/lifecycle/sunset";
import { registerNow } from "../../registry/shared/clock.server";
import { loader as toolsLoader, headers as toolsHeaders } from "../../app/routes/tools._index/route";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as sunsetsLoader } from "../../app/routes/sunsets._index";
import { loader as apiToolsLoader } from "../../app/routes/api.v1.tools._index";

const getDb = useFreshDb();
// A build still running when a test ends would find its database gone (hooks run last first).
afterEach(async () => {
  await listIndexBuilding(getDb());
});

/** More than PATCH_LIMIT new published tools, written by another connection (as the import CLI would). */
function bulkInsert(file: string) {
  const other = new Database(file);
  const revision = other.prepare(`SELECT min(id) FROM revisions`).pluck().get() as number;
  const insert = other.prepare(
    `INSERT INTO tools (id, slug, published_revision_id, name_zh, name_en, kind, jurisdiction_level, policy_domain, deployment_status, review_status, sunset_date, created_at, updated_at)
     SELECT ?, ?, ?, name_zh, ?, kind, jurisdiction_level, policy_domain, deployment_status, review_status, ?, created_at, ? FROM tools WHERE seq = (SELECT min(seq) FROM tools)`,
  );
  other.transaction(() => {
    // An agency renamed too: the background build sends only the agencies changed since the old index.
    other.prepare(`UPDATE agencies SET name_en = 'Renamed in bulk' WHERE id = (SELECT min(id) FROM agencies)`).run();
    for (let i = 0; i <= PATCH_LIMIT; i++) insert.run(`BULK-${i}`, `bulk-${i}`, revision, `Aaa bulk ${i}`, i % 3 ? `2027-0${1 + (i % 9)}-1${i % 10}` : null, `2030-01-01T00:00:${String(i % 60).padStart(2, "0")}.000Z`);
  })();
  other.close();
}

/** What a loader answered: its value, and the Cache-Control it set for the document (null for none). */
async function answer(run: () => Promise<unknown>) {
  const got = (await run()) as { type?: string; data?: unknown; init?: ResponseInit | null };
  if (got && got.type === "DataWithResponseInit") return { value: got.data, cacheControl: new Headers(got.init?.headers).get("Cache-Control") };
  return { value: got, cacheControl: null };
}

const args = (url: string) => ({ request: new Request(url), params: {}, context: {} }) as never;

describe("the list index rebuilt in the background", () => {
  it("keeps the old index, marked stale, while the new one is built, and swaps in one equal to a full build", async () => {
    const db = getDb();
    const today = todayIso(registerNow());
    warmListIndex(db);
    const old = getListIndex(db, today);
    const before = old.n;
    expect(old.stale).toBe(false);
    expect((await answer(() => toolsLoader(args("http://localhost/tools")))).cacheControl).toBeNull();

    bulkInsert(db.$client.name);
    // A tool on the old index's first page, unpublished meanwhile: left out, not shown, no error.
    const first = await listTools(ctxOf({ db }), { query: { q: "", sort: "name", page: 1 }, lang: "en" });
    const hidden = first.items[0]!.id;
    db.$client.prepare(`UPDATE tools SET published_revision_id = NULL WHERE id = ?`).run(hidden);

    const during = getListIndex(db, today);
    expect(during).toBe(old);
    expect(during.stale).toBe(true);
    expect(during.n).toBe(before);
    expect(listIndexBuilding(db)).not.toBeNull();
    const list = await listTools(ctxOf({ db }), { query: { q: "", sort: "name", page: 1 }, lang: "en" });
    expect(list.stale).toBe(true);
    expect(list.items.map((t) => t.id)).not.toContain(hidden);
    expect(list.items.length).toBe(first.items.length - 1);

    // The pages made from it are private for this answer: the page cache keeps only public ones.
    for (const [name, run] of [
      ["tools", () => toolsLoader(args("http://localhost/tools"))],
      ["home", () => homeLoader()],
      ["sunsets", () => sunsetsLoader(args("http://localhost/sunsets"))],
    ] as const) {
      expect((await answer(run)).cacheControl, name).toMatch(/^private\b.*no-store/);
    }
    // The API's list too: no-store, and no validator (ETag, Last-Modified) a later answer could match.
    const api = await apiToolsLoader(args("http://localhost/api/v1/tools?limit=5"));
    expect(api.status).toBe(200);
    expect(api.headers.get("Cache-Control")).toBe("no-store");
    expect(api.headers.has("ETag") || api.headers.has("Last-Modified")).toBe(false);
    const headers = new Headers({ "Cache-Control": "private, no-store" });
    expect(toolsHeaders({ loaderHeaders: headers } as never).get("Cache-Control")).toBe("private, no-store");

    await listIndexBuilding(db);
    const swapped = getListIndex(db, today);
    expect(swapped).not.toBe(old);
    expect(swapped.stale).toBe(false);
    expect(swapped.n).toBe(before + PATCH_LIMIT + 1 - 1);
    expect(listIndexBuilding(db)).toBeNull();
    expect(canonical(swapped)).toEqual(canonical(buildListIndex(db, today)));
    expect([...swapped.agencies.values()].some((a) => a.name.en === "Renamed in bulk")).toBe(true);
    const after = await answer(() => toolsLoader(args("http://localhost/tools?sort=name")));
    expect(after.cacheControl).toBeNull();
    const apiAfter = await apiToolsLoader(args("http://localhost/api/v1/tools?limit=5"));
    expect(apiAfter.headers.get("Cache-Control")).toMatch(/^public\b/);
    expect(apiAfter.headers.has("ETag")).toBe(true);
  });

  it("patches the swapped-in index forward with what changed while it was built", async () => {
    const db = getDb();
    const today = todayIso(registerNow());
    warmListIndex(db);
    getListIndex(db, today);
    bulkInsert(db.$client.name);
    expect(getListIndex(db, today).stale).toBe(true);
    // Written after the build started (its snapshot may or may not hold it): the next read has it.
    db.$client.prepare(`UPDATE tools SET name_en = 'Zzz moved', sunset_date = '2031-01-01' WHERE id = 'BULK-7'`).run();
    await listIndexBuilding(db);
    const index = getListIndex(db, today);
    expect(index.stale).toBe(false);
    expect(canonical(index)).toEqual(canonical(buildListIndex(db, today)));
  });

  it("a server worker's first build runs in the thread too, equals a full build, and later rebuilds go to the background", async () => {
    const db = getDb();
    const today = todayIso(registerNow());
    await startListIndex(db);
    const first = getListIndex(db, today);
    expect(first.stale).toBe(false);
    expect(canonical(first)).toEqual(canonical(buildListIndex(db, today)));
    bulkInsert(db.$client.name);
    expect(getListIndex(db, today)).toBe(first);
    expect(listIndexBuilding(db)).not.toBeNull();
    await listIndexBuilding(db);
    expect(canonical(getListIndex(db, today))).toEqual(canonical(buildListIndex(db, today)));
  });

  it("outside a server worker (no warm-up: tools, the mirror), a rebuild is synchronous", () => {
    const db = getDb();
    const today = todayIso(registerNow());
    const old = getListIndex(db, today);
    bulkInsert(db.$client.name);
    const next = getListIndex(db, today);
    expect(next).not.toBe(old);
    expect(next.stale).toBe(false);
    expect(listIndexBuilding(db)).toBeNull();
  });
});
