// Every Atom feed of the register, rendered from the seeded register (with some review activity, a
// second revision and an incident), validates against RFC 4287's RELAX NG schema
// (test/fixtures/atom.rng) with xmllint, names the tool in each entry's title, says what changed
// in the feed's language, and the feed of a list view carries exactly the list's tools.
//
// xmllint comes from Debian's libxml2-utils (test/run-all.sh installs it when run as root).
// Without it this file's validation is skipped locally and fails with CI set.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { seedRecord } from "../helpers/seed";
import { seedActivity } from "./api-helpers";
import { callLoader } from "./load";
import { publishRevision } from "../../registry/records/publish.server";
import { parseToolQuery } from "../../registry/records/query";
import { listTools, selectTools } from "../../registry/records/list.server";
import { ctxOf } from "../../registry/shared/context";
import { todayIso } from "../../registry/lifecycle/sunset";
import type { ToolRecordInput } from "../../registry/standard/v1";
import { ROOT } from "../helpers/source-files";
import { actorByEmail } from "../helpers/factories";
import { recordFact } from "../../registry/lifecycle/facts.server";

const getDb = useFreshDb();

const SCHEMA = path.join(ROOT, "test", "fixtures", "atom.rng");
const HAS_XMLLINT = spawnSync("xmllint", ["--version"]).status === 0;

/** xmllint's verdict on a feed: "" when it validates, its messages otherwise. */
function validate(feed: string): string {
  const r = spawnSync("xmllint", ["--noout", "--relaxng", SCHEMA, "-"], { input: feed, encoding: "utf8" });
  return r.status === 0 ? "" : `${r.stderr}`;
}

const SUISHEN = seedRecord("shanghai-suishen-code");

/** Activity beyond the seed: a review with a decision and comments, a second revision of 随申码 with a new sunset date. */
async function activity() {
  const { reviewedId } = await seedActivity();
  const next = structuredClone(SUISHEN) as ToolRecordInput;
  next.lifecycle.sunsetDate = "2030-12-31";
  publishRevision(next, { at: new Date().toISOString() });
  const official = actorByEmail("official.shanghai@register.example");
  const incident = { kind: "outage", date: "2026-03-10", title: { zh: "停车许可系统停机一天", en: "Permit system down for a day" }, description: { en: "The ranking service failed." }, sources: ["proposal"] };
  await recordFact(ctxOf({ actor: official, now: new Date() }), { toolId: reviewedId, incident });
  await recordFact(ctxOf({ actor: official, now: new Date() }), { toolId: reviewedId, appealStat: { period: "2026", filed: 40, corrected: 9 } });
  return { reviewedId };
}

async function feed(route: string, url: string, params: Record<string, string> = {}): Promise<string> {
  const mod = (await import(/* @vite-ignore */ route)) as { loader: (a: never) => Promise<Response> };
  const res = await callLoader<Response>(mod.loader as never, url, params);
  expect(res.status, url).toBe(200);
  expect(res.headers.get("Content-Type")).toContain("application/atom+xml");
  return res.text();
}

type Entry = { title: string; titleXml: string; summaryXml: string; link: string };
const unescape = (s: string) => s.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
function entries(xml: string): Entry[] {
  return [...xml.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => {
    const body = m[1]!;
    const titleXml = /<title[^>]*>([\s\S]*?)<\/title>/.exec(body)?.[1] ?? "";
    return { title: unescape(titleXml), titleXml, summaryXml: /<summary[^>]*>([\s\S]*?)<\/summary>/.exec(body)?.[1] ?? "", link: /<link href="([^"]*)"\/>/.exec(body)?.[1] ?? "" };
  });
}

function toolNames(): Map<string, { zh: string | null; en: string | null }> {
  const rows = getDb().$client.prepare(`SELECT id, name_zh, name_en FROM tools`).all() as { id: string; name_zh: string | null; name_en: string | null }[];
  return new Map(rows.map((r) => [r.id, { zh: r.name_zh, en: r.name_en }]));
}

const toolOf = (link: string) => /\/tools\/(ALG-\d+)/.exec(link)?.[1] ?? null;

/** Each entry about a tool is titled with the tool's name in the feed's language (or the other one's). */
function expectNamedTitles(xml: string, lang: "zh" | "en") {
  const names = toolNames();
  const list = entries(xml);
  for (const e of list) {
    const id = toolOf(e.link);
    if (!id) continue;
    const name = names.get(id)!;
    const expected = name[lang] ?? name[lang === "zh" ? "en" : "zh"]!;
    expect(e.title.startsWith(expected), `${e.title} names ${expected}`).toBe(true);
    // A name in the other language is marked as such.
    if (!name[lang]) expect(e.titleXml).toContain(`xml:lang="${lang === "zh" ? "en" : "zh-Hans"}"`);
  }
  return list;
}

/**
 * Words in Latin letters in what a Chinese feed shows people (titles, summaries, category labels),
 * besides ids, the hash's name and hex, Chinese names and text marked as English.
 */
function latinWordsIn(zhXml: string): string[] {
  const names = [...toolNames().values()].map((n) => n.zh).filter((n): n is string => !!n);
  const shown = [...zhXml.matchAll(/<(title|summary)[^>]*>([\s\S]*?)<\/\1>|label="([^"]*)"/g)].map((m) => m[2] ?? m[3] ?? "").join("\n");
  let text = shown.replace(/<span xml:lang="en">[\s\S]*?<\/span>/g, "");
  text = unescape(text);
  for (const n of names) text = text.split(n).join("");
  text = text.replace(/ALG-\d+/g, "").replace(/SHA-256/g, "").replace(/\b[0-9a-f]{64}\b/g, "");
  return text.match(/[A-Za-z_]{2,}/g) ?? [];
}

/** The ids the list selects for a query string, in any order. */
function listIds(search: string): string[] {
  const { query } = parseToolQuery(new URLSearchParams(search));
  const { index, pass } = selectTools(query, { today: todayIso(), notices: [] }, getDb());
  const id = getDb().$client.prepare(`SELECT id FROM tools WHERE seq = ?`).pluck();
  const ids: string[] = [];
  for (let p = 0; p < index.n; p++) if (pass[p] === 1) ids.push(id.get(index.seq[p]) as string);
  return ids;
}

describe.skipIf(!HAS_XMLLINT && !process.env.CI)("every Atom feed", () => {
  it("has xmllint to validate with (it must be installed with CI set)", () => {
    expect(HAS_XMLLINT, "xmllint is missing: apt-get install -y libxml2-utils").toBe(true);
  });

  it("validates against RFC 4287's schema, in both languages, with tool names in the titles", { timeout: 60_000 }, async () => {
    const { reviewedId } = await activity();
    const id = SUISHEN.identity.id;
    const feeds: [string, string, Record<string, string>, "zh" | "en"][] = [
      ["~/routes/changes[.]atom", "/changes.atom", {}, "zh"],
      ["~/routes/changes[.]atom", "/en/changes.atom", {}, "en"],
      ["~/routes/tools.$id_.changes[.]atom", `/tools/${id}/changes.atom`, { id }, "zh"],
      ["~/routes/tools.$id_.changes[.]atom", `/en/tools/${reviewedId}/changes.atom`, { id: reviewedId }, "en"],
      ["~/routes/agencies.$slug_.changes[.]atom", "/agencies/state-council-general-office/changes.atom", { slug: "state-council-general-office" }, "zh"],
      ["~/routes/agencies.$slug_.changes[.]atom", "/en/agencies/state-council-general-office/changes.atom", { slug: "state-council-general-office" }, "en"],
      ["~/routes/sunsets[.]atom", "/sunsets.atom", {}, "zh"],
      ["~/routes/sunsets[.]atom", "/en/sunsets.atom?kind=code_system", {}, "en"],
      ["~/routes/tools[.]atom", "/tools.atom", {}, "zh"],
      ["~/routes/tools[.]atom", "/tools.atom?kind=code_system&sunset=no_sunset", {}, "zh"],
      ["~/routes/tools[.]atom", "/en/tools.atom?kind=code_system&sunset=no_sunset&q=health", {}, "en"],
    ];
    for (const [route, url, params, lang] of feeds) {
      const xml = await feed(route, url, params);
      expect(validate(xml), url).toBe("");
      expect(xml).toContain(`xml:lang="${lang === "zh" ? "zh-Hans" : "en"}"`);
      const list = expectNamedTitles(xml, lang);
      if (!url.includes("q=health")) expect(list.length, url).toBeGreaterThan(0);
      if (lang === "zh") expect(latinWordsIn(xml), url).toEqual([]);
    }
  });

  it("says what changed: the fields of a revision, a decision and who took it, the chain's hash", { timeout: 60_000 }, async () => {
    const { reviewedId } = await activity();
    const zh = entries(await feed("~/routes/changes[.]atom", "/changes.atom"));
    const en = entries(await feed("~/routes/changes[.]atom", "/en/changes.atom"));
    const suishen = SUISHEN.identity.name as { zh: string };
    const second = zh.find((e) => e.title.startsWith(suishen.zh) && e.summaryXml.includes("第 2 版"))!;
    expect(second.title).toBe(`${suishen.zh}：编辑登记发布`);
    expect(second.summaryXml).toContain("第 2 版修改了：终止日期");
    expect(second.summaryXml).toMatch(/操作日志第 \d+ 条，SHA-256 [0-9a-f]{64}/);
    const decision = en.find((e) => toolOf(e.link) === reviewedId && e.title.includes("Review decision"))!;
    expect(decision.title).toBe("Parking permit scoring: Review decision (Approve)");
    expect(decision.summaryXml).toContain("Approve (revision 1); review status now: Approved.");
    expect(unescape(decision.summaryXml)).toMatch(/By: Reviewer, \S/);
    const incident = zh.find((e) => toolOf(e.link) === reviewedId && e.title.includes("记录事件"))!;
    expect(incident.title).toBe("停车许可评分：记录事件（系统故障 / 崩溃）");
    expect(incident.summaryXml).toContain("系统故障 / 崩溃（2026-03-10）：停车许可系统停机一天");
    expect(zh.find((e) => toolOf(e.link) === reviewedId && e.summaryXml.includes("申诉"))!.summaryXml).toContain("2026申诉：受理 40 件，纠正 9 件。");
    const first = en.find((e) => toolOf(e.link) === SUISHEN.identity.id && e.summaryXml.includes("Revision 1"))!;
    expect(unescape(first.summaryXml)).toContain("Revision 1, the tool's first.");
  });

  it("carries in the feed of a list view only the tools that view selects", { timeout: 60_000 }, async () => {
    await activity();
    const all = entries(await feed("~/routes/changes[.]atom", "/changes.atom")).map((e) => toolOf(e.link));
    for (const search of ["kind=code_system&sunset=lapsed&sunset=no_sunset", "kind=code_system&sunset=no_sunset", "kind=code_system", "kind=algorithm", "kind=algorithm&kind=code_system"]) {
      const selected = listIds(search);
      const ids = entries(await feed("~/routes/tools[.]atom", `/tools.atom?${search}`)).map((e) => toolOf(e.link));
      expect(ids.length, search).toBeGreaterThan(0);
      for (const id of ids) expect(selected, search).toContain(id);
      // Every change of the selected tools among the newest of the whole register is there.
      const expected = all.filter((id) => id && selected.includes(id));
      expect(ids.slice(0, expected.length)).toEqual(expected.slice(0, ids.length));
    }
    // The query: the page's list (every page of it) and the feed agree.
    const search = "kind=code_system&sunset=lapsed&sunset=no_sunset";
    const { query } = parseToolQuery(new URLSearchParams(search));
    const pages: string[] = [];
    for (let page = 1; ; page++) {
      const list = await listTools(ctxOf(), { query: { ...query, page } });
      pages.push(...list.items.map((t) => t.id));
      if (page >= list.pageCount) break;
    }
    expect(pages.sort()).toEqual(listIds(search).sort());
    const feedIds = entries(await feed("~/routes/tools[.]atom", `/tools.atom?${search}`)).map((e) => toolOf(e.link));
    expect(new Set(feedIds)).toEqual(new Set(pages));
    // A filter the list cannot satisfy gives an empty, still valid feed (one made-up word: the
    // any-word fallback would find tools for a query of several common words).
    const none = await feed("~/routes/tools[.]atom", "/tools.atom?q=zzqxjv");
    expect(entries(none)).toEqual([]);
    expect(validate(none)).toBe("");
  });

  it("is linked from the head of the list view it follows, with the view's filters", async () => {
    const { meta } = await import("~/routes/tools._index/route");
    const { query } = parseToolQuery(new URLSearchParams("kind=code_system&sunset=no_sunset&page=2&sort=updated"));
    const head = (prefix: "en" | null) =>
      (meta as unknown as (a: unknown) => Record<string, string>[])({ data: { list: { query } }, matches: [{ id: "root", data: { lang: prefix ?? "zh", prefix } }] });
    const link = (prefix: "en" | null) => head(prefix).find((d) => d.type === "application/atom+xml");
    expect(link(null)).toMatchObject({ rel: "alternate", href: "/tools.atom?kind=code_system&sunset=no_sunset", title: "这些工具变更的 Atom 订阅" });
    expect(link("en")).toMatchObject({ href: "/en/tools.atom?kind=code_system&sunset=no_sunset" });
  });
});
