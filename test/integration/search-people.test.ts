// Issue 14: search finds what people type on the seeded register — the labels of coded values,
// pinyin, agencies and places; any-word results when no record has every word; "did you mean";
// the matched name highlighted; Chinese names in pinyin order; stored search data rewritten for
// a new search scheme.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as listLoader } from "~/routes/tools._index/route";
import type { ToolList } from "../../registry/records/list.server";
import { seedId } from "../helpers/seed";
import { reindexSearch, storedSearchScheme } from "../../registry/records/search/reindex.server";
import { SEARCH_SCHEME_VERSION } from "../../registry/records/search/document";
import { sortKeyZh } from "../../registry/records/search/pinyin";
import { getJson } from "./api-helpers";

const SUISHEN_CODE = seedId("shanghai-suishen-code");
const HEALTH_CODE = seedId("health-code");
const RED_CODING = seedId("henan-health-code-red-coding");
const CIVILITY_CODE = seedId("suzhou-civility-code");
const M_DISTRICT = seedId("shanghai-m-district-one-network");
const WRISTBANDS = seedId("beijing-quarantine-wristbands");

const getDb = useFreshDb();
type Data = { list: ToolList };
const list = async (qs: string, lang: "zh" | "en" = "zh") =>
  (await callLoader<Data>(listLoader, `/tools${qs}`, {}, { headers: { "Accept-Language": lang } })).list;
const search = (q: string, lang: "zh" | "en" = "zh") => list(`?q=${encodeURIComponent(q)}`, lang);
const topIds = async (q: string, n = 5) => (await search(q)).items.slice(0, n).map((t) => t.id);

describe("search finds what people type", () => {
  it.each([
    ["数据泄露", SUISHEN_CODE],
    ["泄露", SUISHEN_CODE],
    ["随申码 数据泄露", SUISHEN_CODE],
    ["data breach", SUISHEN_CODE],
    ["suishenma", SUISHEN_CODE],
    ["ssm", SUISHEN_CODE],
    ["jiankangma", HEALTH_CODE],
    ["jkm", HEALTH_CODE],
    ["wenmingma", CIVILITY_CODE],
    ["上海市人民政府", SUISHEN_CODE],
    ["郑州市人民政府", RED_CODING],
    ["郑州", RED_CODING],
    ["zhengzhou", RED_CODING],
    ["beijing", WRISTBANDS],
  ])("%s finds the expected record in the first five", async (q, id) => {
    const r = await search(q);
    expect(r.notices.some((n) => n.code === "any_word_fallback")).toBe(false);
    expect(await topIds(q)).toContain(id);
  });

  it("ranks the named record first for its pinyin and for the name with the incident's label", async () => {
    expect((await topIds("suishenma", 1))[0]).toBe(SUISHEN_CODE);
    expect((await topIds("随申码 数据泄露", 1))[0]).toBe(SUISHEN_CODE);
  });

  it("finds a record by the label of its incident kind although its text never says 数据泄露", async () => {
    // The M-district record's incident is a data breach; both breach records are found.
    const r = await topIds("数据泄露", 22);
    expect(r).toEqual(expect.arrayContaining([SUISHEN_CODE, M_DISTRICT]));
  });
});

describe("any-word fallback", () => {
  it("shows records with any of the words, with a notice, when none has them all", async () => {
    const r = await search("随申码 zzzqqxy");
    expect(r.notices).toContainEqual({ code: "any_word_fallback" });
    expect(r.items.map((t) => t.id)).toContain(SUISHEN_CODE);
    expect(r.total).toBeGreaterThan(0);
  });
  it("says nothing when every word is found together", async () => {
    const r = await search("随申码 数据泄露");
    expect(r.notices).toEqual([]);
  });
  it("gives the API the same rows in the same order, across cursor pages, with the notice", async () => {
    const q = "随申码 数据 zzzqqxy";
    const html = [...(await search(q)).items, ...(await list(`?q=${encodeURIComponent(q)}&page=2`)).items].map((t) => t.id);
    const ids: string[] = [];
    let first: { notices: { code: string }[]; total: number } | undefined;
    for (let next: string | null = `/api/v1/tools?q=${encodeURIComponent(q)}&limit=4`; next; ) {
      const { body }: { body: { items: { id: string }[]; next: string | null; notices: { code: string }[]; total: number } } = await getJson(next);
      first ??= body;
      ids.push(...body.items.map((t) => t.id));
      next = body.next;
    }
    expect(first!.notices).toContainEqual({ code: "any_word_fallback" });
    expect(ids.length).toBe(first!.total);
    expect(ids).toEqual(html.slice(0, ids.length));
    expect(ids.length).toBeGreaterThan(4);
  });
  it("stays empty when no word is found at all", async () => {
    const r = await search("zzzqqxy wwwvvv");
    expect(r.total).toBe(0);
    expect(r.notices).toEqual([]);
  });
});

describe("did you mean", () => {
  it("suggests 随申码 for 随申马", async () => {
    const r = await search("随申马");
    expect(r.suggestions[0]).toBe("随申码");
  });
  it("suggests health code for helth code", async () => {
    const r = await search("helth code", "en");
    expect(r.suggestions).toContain("health code");
    // "code" alone is found: the any-word results are shown meanwhile.
    expect(r.notices).toContainEqual({ code: "any_word_fallback" });
  });
  it("suggests a label: 数据泄漏 → 数据泄露", async () => {
    expect((await search("数据泄漏")).suggestions).toContain("数据泄露");
  });
  it("suggests nothing when the search finds records with every word", async () => {
    expect((await search("health code")).suggestions).toEqual([]);
  });
  it("shows the suggestions as links to their searches", async () => {
    const r = await callLoader<Data>(listLoader, `/tools?q=${encodeURIComponent("随申马")}`);
    expect(r.list.suggestions).toEqual(expect.arrayContaining(["随申码"]));
  });
});

describe("highlighting the name", () => {
  it("marks the matched Chinese name for a pinyin search and for Chinese words", async () => {
    for (const q of ["suishenma", "ssm", "随申码"]) {
      const hit = (await search(q)).items.find((t) => t.id === SUISHEN_CODE)!;
      const marked = (hit.nameMarks?.zh ?? []).filter((s) => s.match).map((s) => s.text);
      expect(marked.join("")).toBe("随申码");
    }
  });
  it("marks English words in the English name", async () => {
    const hit = (await search("health", "en")).items.find((t) => t.id === HEALTH_CODE)!;
    expect((hit.nameMarks?.en ?? []).filter((s) => s.match).map((s) => s.text)).toContain("Health");
  });
  it("sends snippets and marks only in the language the page shows them in", async () => {
    const en = (await search("health", "en")).items.find((t) => t.id === HEALTH_CODE)!;
    expect(en.nameMarks?.en).toBeTruthy();
    expect(en.snippet?.zh).toBeNull();
    expect(en.nameMarks?.zh ?? null).toBeNull();
    const zh = (await search("健康码", "zh")).items.find((t) => t.id === HEALTH_CODE)!;
    expect(zh.nameMarks?.zh).toBeTruthy();
    expect(zh.nameMarks?.en ?? null).toBeNull();
    expect(zh.snippet?.en).toBeNull();
    // An English page searched in Chinese: the Chinese summary's snippet, since the English one has no match.
    const cross = (await search("健康码", "en")).items.filter((t) => t.snippet?.zh);
    expect(cross.length).toBeGreaterThan(0);
    for (const t of cross) expect(t.snippet?.en).toBeNull();
  });
});

describe("Chinese names sort by pinyin", () => {
  it("orders the seeded names by their pinyin (北京… before 上海…, 长三角 read as chang)", async () => {
    const all = [...(await list("?sort=name")).items, ...(await list("?sort=name&page=2")).items];
    const names = all.map((t) => t.name.zh!);
    expect(names).toHaveLength(22);
    const keys = names.map((n) => sortKeyZh(n)!);
    expect(keys).toEqual([...keys].sort());
    // chang (长三角) < dian (电子手环（北京…）) < hang (杭州) < sui (随申码) < zhe (浙政钉); by code point 长 and 电 come last.
    const at = (prefix: string) => names.findIndex((n) => n.startsWith(prefix));
    expect(at("长三角")).toBeLessThan(at("电子手环"));
    expect(at("电子手环")).toBeLessThan(at("杭州城市大脑"));
    expect(at("杭州城市大脑")).toBeLessThan(at("随申码"));
    expect(at("随申码")).toBeLessThan(at("浙政钉"));
  });
});

describe("reindexSearch", () => {
  it("rewrites the search rows and sort keys of an older scheme, then does nothing", () => {
    const db = getDb();
    // As a database published before issue 14: no pinyin, no labels, no sort keys.
    db.$client.prepare(`UPDATE tool_search SET name = 'x', body = 'x', uni = 'x'`).run();
    db.$client.prepare(`UPDATE tools SET name_sort_zh = NULL`).run();
    db.$client.prepare(`UPDATE search_scheme SET version = 0`).run();
    expect(reindexSearch(db)).toBe(22);
    expect(storedSearchScheme(db)).toBe(SEARCH_SCHEME_VERSION);
    expect(reindexSearch(db)).toBeNull();
    const nulls = db.$client.prepare(`SELECT count(*) FROM tools WHERE published_revision_id IS NOT NULL AND name_sort_zh IS NULL`).pluck().get();
    expect(nulls).toBe(0);
    const hit = db.$client.prepare(`SELECT rowid FROM tool_search WHERE tool_search MATCH 'suishenma'`).pluck().all();
    expect(hit).toHaveLength(1);
  });
  it("the seeded register is written with the current scheme's data", async () => {
    expect(await topIds("suishenma", 1)).toEqual([SUISHEN_CODE]);
  });
});
