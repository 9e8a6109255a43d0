// Cursor pages of the open API: a walk visits every item exactly once, in the HTML list's order,
// with the HTML list's filters; bad cursors and limits are 400s that say what to fix.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { listAgencies } from "../../registry/records/agencies.server";
import { fetchApi, getJson } from "./api-helpers";
import { listTools } from "../../registry/records/list.server";
import { ctxOf } from "../../registry/shared/context";
import { parseToolQuery } from "../../registry/records/query";
import { listIncidents } from "../../registry/lifecycle/incidents.server";
import { listEvents } from "../../registry/log/log.server";
import { verifyChain, type ChainEvent } from "../../registry/log/chain";
import { runChainCheck } from "../../registry/log/watch.server";
import { publishRevision } from "../../registry/records/publish.server";
import { SEED_RECORDS, seedId, seedRecord } from "../helpers/seed";
import type { ToolRecordInput } from "../../registry/standard/v1";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");

const getDb = useFreshDb();

type Page<T> = { items: T[]; total: number; next: string | null; nextCursor: string | null; notices: { code: string; param?: string }[] };

/** Follows `next` from `url` to the end; `between` runs after each page. */
async function walk<T = { id: string }>(url: string, between?: (page: number) => void): Promise<{ items: T[]; pages: number; total: number; first: Page<T> }> {
  const items: T[] = [];
  let first: Page<T> | undefined;
  let total = -1;
  let pages = 0;
  for (let next: string | null = url; next; pages++) {
    const { res, body }: { res: Response; body: Page<T> } = await getJson<Page<T>>(next);
    expect(res.status, next).toBe(200);
    first ??= body;
    if (total >= 0 && !between) expect(body.total).toBe(total);
    total = body.total;
    items.push(...body.items);
    expect(body.nextCursor === null).toBe(body.next === null);
    next = body.next;
    between?.(pages + 1);
    if (pages > 200) throw new Error("the walk does not end");
  }
  return { items, pages, total, first: first! };
}

/** Every id of the HTML list for a query string, page by page. */
async function listAll(qs: string, lang: "zh" | "en"): Promise<{ ids: string[]; total: number }> {
  const { query } = parseToolQuery(new URLSearchParams(qs));
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    const list = await listTools(ctxOf(), { query: { ...query, page }, lang });
    ids.push(...list.items.map((t) => t.id));
    if (page >= list.pageCount) return { ids, total: list.total };
  }
}

function publishCopy(id: string, slug: string, name: { zh?: string; en?: string }, at: string) {
  const copy = structuredClone(seedRecord("shanghai-suishen-pai")) as ToolRecordInput;
  copy.identity.id = id;
  copy.identity.slug = slug;
  copy.identity.name = name;
  publishRevision(copy, { at });
}

describe("GET /api/v1/tools", () => {
  it("walks every tool exactly once, with the filters, order and total of the HTML list", async () => {
    const queries = [
      "",
      "sort=updated",
      "sort=sunset",
      "lang=en",
      "q=码",
      "q=%E6%95%B0%E6%8D%AE&sort=name",
      "kind=code_system&status=retired",
      "sensitive=yes&sort=updated",
      "agency=shanghai-municipal-government",
      "sunset=retired&lang=en",
      "level=none",
      "category=health",
    ];
    for (const qs of queries) {
      const lang = qs.includes("lang=en") ? "en" : "zh";
      const expected = await listAll(qs, lang);
      const { items, total, pages } = await walk(`/api/v1/tools?${qs}${qs ? "&" : ""}limit=3`);
      const ids = items.map((t) => t.id);
      expect(ids, qs).toEqual(expected.ids);
      expect(new Set(ids).size, qs).toBe(ids.length);
      expect(total, qs).toBe(expected.total);
      expect(pages, qs).toBe(Math.max(1, Math.ceil(expected.total / 3)));
    }
    expect((await listAll("", "zh")).total).toBeGreaterThan(10);
  });

  it("ignores unknown filter values as the HTML list does, and says so", async () => {
    const { body } = await getJson<Page<{ id: string }> & { query: Record<string, string> }>("/api/v1/tools?kind=nonsense&agency=no-such-agency&colour=red&page=2&lang=fr&limit=500");
    expect(body.total).toBe((await listAll("", "zh")).total);
    expect(body.items).toHaveLength(body.total);
    expect(body.notices).toEqual(
      expect.arrayContaining([
        { code: "ignored_value", param: "kind", value: "nonsense" },
        { code: "ignored_value", param: "colour", value: "red" },
        { code: "ignored_value", param: "page", value: "2" },
        { code: "ignored_value", param: "lang", value: "fr" },
        { code: "unknown_agency", value: "no-such-agency" },
      ]),
    );
    expect(body.query).toEqual({ q: "", sort: "name", lang: "zh" });
  });

  it("keeps its place when tools are published during a walk", async () => {
    const before = (await listAll("lang=en", "en")).ids;
    let n = 0;
    const { items } = await walk("/api/v1/tools?lang=en&limit=4", (page) => {
      // Sorts before everything already read, and after: neither may shift the pages.
      if (page === 1 || page === 3) {
        n++;
        publishCopy(`ALG-00090${n}`, `api-walk-a-${n}`, { en: `AAA inserted ${n}` }, `2026-06-0${n}T00:00:00.000Z`);
        publishCopy(`ALG-00091${n}`, `api-walk-z-${n}`, { en: `ZZZ inserted ${n}` }, `2026-06-0${n}T00:00:00.000Z`);
      }
    });
    const ids = items.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => before.includes(id))).toEqual(before);
    // The ones after the cursor are found; the ones before it are not repeated pages.
    expect(ids).toEqual(expect.arrayContaining(["ALG-000911", "ALG-000912"]));
    expect(ids).not.toContain("ALG-000901");
  });

  it("keeps its place when the tool a cursor points at moves in the order", async () => {
    const before = (await listAll("sort=updated", "zh")).ids;
    let moved = "";
    const { items } = await walk("/api/v1/tools?sort=updated&limit=4", (page) => {
      if (page !== 1) return;
      // The last tool of the first page gets a new revision and jumps to the top of the order.
      moved = before[3]!;
      const record = structuredClone(SEED_RECORDS.find((r) => r.identity.id === moved)!) as ToolRecordInput;
      record.identity.summary = { en: "A newer revision." };
      publishRevision(record, { at: "2026-07-01T00:00:00.000Z" });
    });
    const ids = items.map((t) => t.id);
    expect((await listAll("sort=updated", "zh")).ids[0]).toBe(moved);
    expect(ids).toEqual(before);
  });

  it("refuses a bad limit or cursor with a 400 that names the parameter and says what to do", async () => {
    for (const limit of ["0", "501", "ten", "-1", "1.5", ""]) {
      const { res, body } = await getJson<{ error: string; param: string; message: string }>(`/api/v1/tools?limit=${limit}`);
      expect(res.status, limit).toBe(400);
      expect(body).toMatchObject({ error: "bad_parameter", param: "limit", message: expect.stringContaining("1 to 500") });
    }
    const { body: page1 } = await getJson<Page<{ id: string }>>("/api/v1/tools?sort=updated&limit=2");
    const cursor = page1.nextCursor!;
    const bad = async (url: string, fragment: string) => {
      const { res, body } = await getJson<{ error: string; param: string; message: string }>(url);
      expect(res.status, url).toBe(400);
      expect(body, url).toMatchObject({ error: "bad_parameter", param: "cursor", message: expect.stringContaining(fragment) });
      expect(body.message).toContain("leave cursor out");
    };
    await bad("/api/v1/tools?cursor=not*base64", "not one this API made");
    await bad(`/api/v1/tools?cursor=${Buffer.from('{"v":2}').toString("base64url")}`, "not one this API made");
    await bad(`/api/v1/tools?sort=updated&cursor=${cursor.slice(0, -6)}`, "not one this API made");
    await bad(`/api/v1/tools?sort=name&cursor=${cursor}`, "different query");
    await bad(`/api/v1/tools?sort=updated&kind=app&cursor=${cursor}`, "different query");
    await bad(`/api/v1/incidents?cursor=${cursor}`, "different query");
    // A cursor whose key was tampered with.
    const decoded = JSON.parse(Buffer.from(cursor, "base64url").toString()) as { k: unknown[] };
    decoded.k = [1, 2];
    await bad(`/api/v1/tools?sort=updated&cursor=${Buffer.from(JSON.stringify(decoded)).toString("base64url")}`, "not one this API made");
    // The same cursor with its own query works.
    expect((await fetchApi(`/api/v1/tools?sort=updated&limit=2&cursor=${cursor}`)).status).toBe(200);
  });
});

describe("GET /api/v1/incidents", () => {
  type Incident = { toolId: string; position: number; kind: string; date: string };
  it("walks every incident on a public record once, newest first, with the filters of /incidents", async () => {
    const all = await listIncidents(ctxOf(), { page: 1 });
    const { items, total } = await walk<Incident>("/api/v1/incidents?limit=2");
    expect(total).toBe(all.total);
    expect(items).toHaveLength(all.total);
    const keys = items.map((i) => `${i.toolId}#${i.position}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
    expect(items.slice(0, all.items.length).map((i) => `${i.toolId}#${i.position}`)).toEqual(all.items.map((i) => `${i.toolId}#${i.position}`));

    const kind = all.byKind[0]!;
    const byKind = await walk<Incident>(`/api/v1/incidents?kind=${kind.value}&limit=1`);
    expect(byKind.items).toHaveLength(kind.count);
    expect(byKind.items.every((i) => i.kind === kind.value)).toBe(true);
    const year = all.byYear[0]!;
    const byYear = await walk<Incident>(`/api/v1/incidents?year=${year.value}`);
    expect(byYear.items).toHaveLength(year.count);

    const ignored = await getJson<Page<Incident>>("/api/v1/incidents?kind=meteor&year=22");
    expect(ignored.body.total).toBe(all.total);
    expect(ignored.body.notices.map((n) => n.param)).toEqual(["kind", "year"]);
  });
});

describe("GET /api/v1/agencies", () => {
  type Agency = { slug: string; toolCount: number };
  it("walks every agency once, by slug, with the fields of the full list", async () => {
    const all = (await listAgencies(ctxOf())).agencies.map((a) => a.slug);
    expect(all.length).toBeGreaterThan(4);
    const { items, total, pages, first } = await walk<Agency>("/api/v1/agencies?limit=2");
    expect(items.map((a) => a.slug)).toEqual(all);
    expect(total).toBe(all.length);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(first.items[0]).toEqual(expect.objectContaining({ slug: all[0], name: expect.any(Object), url: expect.any(String), api: expect.any(String), jurisdictionLevel: expect.any(String), toolCount: expect.any(Number) }));
    // Without a limit: one page of up to 50, as before paging, with the same items.
    const { res, body } = await getJson<Page<Agency>>("/api/v1/agencies");
    expect(body.items.map((a) => a.slug)).toEqual(all.slice(0, 50));
    expect(res.headers.get("Link")).toBe(body.next ? `<${body.next}>; rel="next"` : null);
    const second = await getJson<Page<Agency>>("/api/v1/agencies?limit=2");
    expect(second.res.headers.get("Link")).toBe(`<${second.body.next}>; rel="next"`);
  });

  it("keeps its place when agencies are added during a walk", async () => {
    const before = (await listAgencies(ctxOf())).agencies.map((a) => a.slug);
    const added: string[] = [];
    const { items } = await walk<Agency>("/api/v1/agencies?limit=2", (page) => {
      if (page !== 1) return;
      // One before everything read so far, one after.
      for (const slug of ["aaa-walk-agency", "zzz-walk-agency"]) {
        getDb().$client.prepare(`INSERT INTO agencies (slug, name_zh, jurisdiction_level) VALUES (?, ?, 'municipal')`).run(slug, slug);
        added.push(slug);
      }
    });
    const slugs = items.map((a) => a.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual([...before, "zzz-walk-agency"].sort());
  });

  it("refuses a foreign cursor or a bad limit with a 400 naming the parameter", async () => {
    const { body: tools } = await getJson<Page<{ id: string }>>("/api/v1/tools?limit=1");
    for (const cursor of [tools.nextCursor!, "not*base64", Buffer.from('{"v":1,"o":"agencies","f":"x","k":[1]}').toString("base64url")]) {
      const { res, body } = await getJson<{ error: string; param: string }>(`/api/v1/agencies?cursor=${cursor}`);
      expect(res.status, cursor).toBe(400);
      expect(body).toMatchObject({ error: "bad_parameter", param: "cursor" });
    }
    const { res, body } = await getJson<{ error: string; param: string }>("/api/v1/agencies?limit=0");
    expect(res.status).toBe(400);
    expect(body).toMatchObject({ param: "limit" });
    const { body: ok } = await getJson<Page<Agency>>("/api/v1/agencies?colour=red&limit=1");
    expect(ok.notices).toEqual([{ code: "ignored_value", param: "colour", value: "red" }]);
  });
});

describe("GET /api/v1/events", () => {
  it("walks the whole log in id order, which any client can verify, with the server's verification", async () => {
    runChainCheck(undefined, new Date("2026-03-01T08:00:00.000Z"));
    const { items, total, first } = await walk<ChainEvent>("/api/v1/events?limit=7");
    expect(total).toBe((await listEvents(ctxOf())).total);
    expect(items.map((e) => e.id)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(verifyChain(items)).toMatchObject({ ok: true, count: total });
    const head = { id: total, hash: items.at(-1)!.hash };
    expect((first as unknown as { head: unknown }).head).toEqual(head);
    expect((first as unknown as { verification: unknown }).verification).toEqual({ checkedAt: "2026-03-01T08:00:00.000Z", ok: true, head, count: total, problemCount: 0, problems: [], fullCheckedAt: "2026-03-01T08:00:00.000Z", fullHeadId: total });

    const { body: tail } = await getJson<Page<ChainEvent>>(`/api/v1/events?after=${total - 2}`);
    expect(tail.items.map((e) => e.id)).toEqual([total - 1, total]);
    expect(tail.next).toBeNull();

    const own = await walk<ChainEvent>("/api/v1/events?tool=alg-000002&limit=1");
    expect(own.items.map((e) => e.id)).toEqual((await listEvents(ctxOf(), { toolId: SUISHEN_CODE })).events.map((e) => e.id));
    expect(own.items.every((e) => e.toolId === SUISHEN_CODE)).toBe(true);
  });

  it("refuses a bad after, or after with a cursor", async () => {
    const { body: page1 } = await getJson<Page<ChainEvent>>("/api/v1/events?limit=1");
    for (const url of ["/api/v1/events?after=abc", "/api/v1/events?after=-1", `/api/v1/events?after=1&cursor=${page1.nextCursor}`]) {
      const { res, body } = await getJson<{ param: string }>(url);
      expect(res.status, url).toBe(400);
      expect(body.param).toBe("after");
    }
    // The next link of an after= page continues with the cursor alone.
    const { body } = await getJson<Page<ChainEvent>>("/api/v1/events?after=1&limit=1");
    expect(body.next).not.toContain("after=");
    expect((await getJson<Page<ChainEvent>>(body.next!)).body.items[0]!.id).toBe(3);
  });
});
