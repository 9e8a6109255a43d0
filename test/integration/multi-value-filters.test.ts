// Multi-value filters (issue 14): several values of one filter are alternatives, different
// filters all hold, and the same query selects the same tools, in the same order, on the HTML
// list (every page), in the CSV, JSON and NDJSON exports and in the API (every cursor page).
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { getJson } from "./api-helpers";
import { loader as csvLoader } from "~/routes/tools[.]csv";
import { loader as jsonLoader } from "~/routes/tools[.]json";
import { loader as ndjsonLoader } from "~/routes/tools[.]ndjson";
import { loader as listLoader } from "~/routes/tools._index/route";
import { loader as sunsetsLoader } from "~/routes/sunsets._index";
import type { ToolList } from "../../registry/records/list.server";
import type { SunsetOverview } from "../../registry/lifecycle/sunsets.server";

useFreshDb();

// The query (the seeded register has no lapsed tool, so it is all code systems without an
// end date), and one where both values of the filter select tools.
const QUERY = "kind=code_system&sunset=lapsed&sunset=no_sunset";
const BOTH = "kind=code_system&status=in_use&status=suspended";
const EN = { headers: { "Accept-Language": "en" } };

const bodyOf = async (res: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());

async function pageIds(qs: string, init: RequestInit = {}): Promise<{ ids: string[]; first: ToolList }> {
  const ids: string[] = [];
  let first: ToolList | undefined;
  for (let page = 1; ; page++) {
    const { list } = await callLoader<{ list: ToolList }>(listLoader, `/tools?${qs}&page=${page}`, {}, init);
    first ??= list;
    ids.push(...list.items.map((t) => t.id));
    if (page >= list.pageCount) return { ids, first };
  }
}

async function exportIds(qs: string, init: RequestInit = {}) {
  const csv = parse(await bodyOf(await callLoader<Response>(csvLoader, `/tools.csv?${qs}`, {}, init)), { bom: true, columns: true }) as { id: string }[];
  const json = JSON.parse(await bodyOf(await callLoader<Response>(jsonLoader, `/tools.json?${qs}`, {}, init))) as { items: { id: string }[]; total: number };
  const ndjson = (await bodyOf(await callLoader<Response>(ndjsonLoader, `/tools.ndjson?${qs}`, {}, init)))
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { id: string }).id);
  return { csv: csv.map((r) => r.id), json: json.items.map((r) => r.id), ndjson };
}

async function apiIds(qs: string, lang: "zh" | "en"): Promise<string[]> {
  const ids: string[] = [];
  let pages = 0;
  for (let next: string | null = `/api/v1/tools?${qs}&lang=${lang}&limit=2`; next; pages++) {
    const { res, body }: { res: Response; body: { items: { id: string }[]; next: string | null } } = await getJson<{ items: { id: string }[]; next: string | null }>(next);
    expect(res.status, next).toBe(200);
    ids.push(...body.items.map((t) => t.id));
    next = body.next;
    if (pages > 100) throw new Error("the walk does not end");
  }
  expect(pages, "several cursor pages were walked").toBeGreaterThan(1);
  return ids;
}

describe("several values of one filter", () => {
  it("select the tools with any of the values, and nothing else", async () => {
    const { ids, first } = await pageIds(QUERY);
    const lapsed = (await pageIds("kind=code_system&sunset=lapsed")).ids;
    const never = (await pageIds("kind=code_system&sunset=no_sunset")).ids;
    expect(never.length, "the seeded register has code systems without an end date").toBeGreaterThan(0);
    expect([...ids].sort()).toEqual([...new Set([...lapsed, ...never])].sort());
    expect(first.total).toBe(ids.length);
    // Every chosen value is in the query, and each facet's counts leave out its own filter: the
    // sunset counts are those of all code systems.
    expect(first.query.sunset).toEqual(["lapsed", "no_sunset"]);
    const codeSystems = (await pageIds("kind=code_system")).first;
    expect(first.facets.sunset).toEqual(codeSystems.facets.sunset);
    // ... and other facets count only the selected tools.
    expect(first.facets.kind.find((c) => c.value === "code_system")?.count).toBe(ids.length);
  });

  it("both values select tools in the second query", async () => {
    const inUse = (await pageIds("kind=code_system&status=in_use")).ids;
    const suspended = (await pageIds("kind=code_system&status=suspended")).ids;
    expect(inUse.length * suspended.length).toBeGreaterThan(0);
    expect([...(await pageIds(BOTH)).ids].sort()).toEqual([...inUse, ...suspended].sort());
  });

  for (const qs of [QUERY, BOTH])
    for (const lang of ["zh", "en"] as const) {
      it(`the page, the CSV, JSON and NDJSON exports and the API answer the same ids in the same order (${qs}, ${lang})`, async () => {
        const init = lang === "en" ? EN : {};
        const { ids } = await pageIds(qs, init);
        expect(ids.length).toBeGreaterThan(2);
        const exported = await exportIds(qs, init);
        expect(exported.csv).toEqual(ids);
        expect(exported.json).toEqual(ids);
        expect(exported.ndjson).toEqual(ids);
        expect(await apiIds(qs, lang)).toEqual(ids);
      });
    }

  it("several agencies are alternatives too", async () => {
    const a = (await pageIds("agency=shanghai-municipal-government")).ids;
    const b = (await pageIds("agency=national-health-commission")).ids;
    expect(a.length * b.length).toBeGreaterThan(0);
    const both = (await pageIds("agency=shanghai-municipal-government&agency=national-health-commission")).ids;
    expect([...both].sort()).toEqual([...new Set([...a, ...b])].sort());
  });
});

describe("/sunsets takes the list's filters", () => {
  it("groups only the tools the filters select, and counts what the list counts", async () => {
    const all = await callLoader<{ overview: SunsetOverview }>(sunsetsLoader, "/sunsets");
    const { overview } = await callLoader<{ overview: SunsetOverview }>(sunsetsLoader, "/sunsets?kind=code_system");
    const list = (await pageIds("kind=code_system")).first;
    const count = (v: string) => list.facets.sunset.find((c) => c.value === v)?.count ?? 0;
    expect(overview.counts).toEqual({ lapsed: count("lapsed"), due_soon: count("due_soon"), no_sunset: count("no_sunset"), ok: count("ok") });
    expect(overview.counts.no_sunset).toBeLessThan(all.overview.counts.no_sunset);
    for (const t of [...overview.lapsed, ...overview.noSunset, ...overview.dueSoon, ...overview.upcoming]) expect(t.kind).toBe("code_system");
    // The kind filter offers every kind, with the number of tools of each.
    expect(overview.kinds.map((k) => k.value)).toContain("app");
  });
});
