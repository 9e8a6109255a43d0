// Records mirrored from another register in the lists (issue 15, standard v1.1 `regime`): the
// `tools.regime` projection (migration 0022) written by the publish path and the whole-record
// import and filled for older rows; the regime filter and facet; and no list, count or feed
// judges a mirrored record by this register's rules (never lapsed, due, without a lawful end
// date, unreviewed or not assessed here).
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createElement, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { ToolCard } from "~/components/tool-card";
import { ActiveFilters } from "~/routes/tools._index/facets";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import type { Db } from "../../db/client.server";
import { MIGRATIONS_FOLDER } from "../../db/migrate.server";
import { loader as toolsCsvLoader } from "~/routes/tools[.]csv";
import { loader as recordsNdjsonLoader } from "~/routes/records[.]ndjson";
import { publishRevision } from "../../registry/records/publish.server";
import { importRecords } from "../../registry/exchange/records/import.server";
import { listTools } from "../../registry/records/list.server";
import { getHomeSummary } from "../../registry/records/home.server";
import { getSunsetOverview } from "../../registry/lifecycle/sunsets.server";
import { sunsetFeed } from "../../registry/lifecycle/sunset-feed.server";
import { parseToolQuery } from "../../registry/records/query";
import { filterWords } from "~/feed-words.server";
import { ctxOf } from "../../registry/shared/context";
import type { Actor } from "../../registry/auth/roles";
import { openApiDocument } from "../../registry/exchange/api/openapi";
import { getJson, ORIGIN, schemaValidator } from "./api-helpers";

const db = useFreshDb("seeded");
const TODAY = "2026-06-01";
const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };

/** A seeded record turned into one mirrored from `register`, in use, with no end date and never reviewed here. */
function mirroredRecord(id: string, slug: string, register: string): Record<string, unknown> {
  const row = db().$client.prepare(`SELECT r.record FROM tools t JOIN revisions r ON r.id = t.published_revision_id ORDER BY t.id LIMIT 1`).get() as { record: string };
  const r = JSON.parse(row.record) as Record<string, any>;
  return {
    ...r,
    standardVersion: "1.1",
    identity: { ...r.identity, id, slug, name: { en: `Mirrored tool ${id}` } },
    lifecycle: { ...r.lifecycle, deploymentStatus: "in_use", reviewStatus: "unreviewed", sunsetDate: null, retirement: undefined },
    assessments: { ...r.assessments, impact: undefined },
    externalIds: [{ register, id: `src-${id}`, url: `https://example.org/${register}/${id}` }],
    regime: { governedBy: "source_register", register, sourceUrl: `https://example.org/${register}/${id}`, retrievedOn: "2026-05-01" },
  };
}

const regimeOf = (d: Db, id: string) => (d.$client.prepare(`SELECT regime FROM tools WHERE id = ?`).get(id) as { regime: string } | undefined)?.regime;
const query = (qs: string) => parseToolQuery(new URLSearchParams(qs)).query;

function publishMirrored(id = "ALG-009001", slug = "mirrored-us-tool", register = "us-omb-ai-inventory") {
  const r = publishRevision(mirroredRecord(id, slug, register), { at: "2026-05-02T00:00:00.000Z" }, db());
  expect(r.unchanged).toBe(false);
  return id;
}

describe("tools.regime", () => {
  it("is this_register for every seeded tool and the source register's key for a mirrored one, published or imported", async () => {
    const seeded = db().$client.prepare(`SELECT DISTINCT regime FROM tools`).pluck().all();
    expect(seeded).toEqual(["this_register"]);
    publishMirrored();
    expect(regimeOf(db(), "ALG-009001")).toBe("us-omb-ai-inventory");

    // The whole-record import writes it through the same projection.
    const entry = {
      id: "ALG-009002",
      slug: "mirrored-uk-tool",
      standardVersion: "1.1",
      agencies: [],
      revisions: [
        {
          number: 1,
          status: "unreviewed",
          createdAt: "2026-05-03T00:00:00.000Z",
          submittedAt: "2026-05-03T00:00:00.000Z",
          publishedAt: "2026-05-03T00:00:00.000Z",
          record: mirroredRecord("ALG-009002", "mirrored-uk-tool", "uk-atrs"),
        },
      ],
    };
    const report = importRecords(ctxOf({ actor: admin, db: db() }), { text: JSON.stringify(entry) + "\n" });
    expect(report.entries.flatMap((e) => e.problems)).toEqual([]);
    expect(regimeOf(db(), "ALG-009002")).toBe("uk-atrs");
  });

  it("is filled by migration 0022 from the public revision's record", () => {
    publishMirrored();
    const migration = fs.readFileSync(path.join(MIGRATIONS_FOLDER, "0022_regime_projection.sql"), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => /UPDATE `tools` SET `regime`/.test(s));
    expect(backfill).toBeDefined();
    // As a row written before the column existed: the default.
    db().$client.prepare(`UPDATE tools SET regime = 'this_register'`).run();
    db().$client.exec(backfill!);
    expect(regimeOf(db(), "ALG-009001")).toBe("us-omb-ai-inventory");
    expect(db().$client.prepare(`SELECT count(*) FROM tools WHERE regime = 'this_register'`).pluck().get()).toBe(22);
  });

  it("rebuilds the list index when it changes", async () => {
    const id = publishMirrored();
    const before = await listTools(ctxOf({ db: db() }), { query: query("regime=source_register"), today: TODAY });
    expect(before.items.map((t) => t.id)).toEqual([id]);
    db().$client.prepare(`UPDATE tools SET regime = 'this_register' WHERE id = ?`).run(id);
    const after = await listTools(ctxOf({ db: db() }), { query: query("regime=source_register"), today: TODAY });
    expect(after.total).toBe(0);
  });
});

describe("a mirrored record in the lists", () => {
  it("is never counted as without a lawful end date, lapsed, due, unreviewed or not assessed", async () => {
    const ctx = ctxOf({ db: db() });
    const homeBefore = await getHomeSummary(ctx, { today: TODAY });
    const sunsetsBefore = await getSunsetOverview(ctx, { today: TODAY });
    const id = publishMirrored();

    const home = await getHomeSummary(ctx, { today: TODAY });
    expect(home.total).toBe(homeBefore.total + 1);
    expect(home.unlawful.map((t) => t.id)).not.toContain(id);
    expect(home.unlawfulCount).toBe(homeBefore.unlawfulCount);
    const countOf = (counts: { value: string; count: number }[], v: string) => counts.find((c) => c.value === v)?.count ?? 0;
    expect(countOf(home.byReview, "unreviewed")).toBe(countOf(homeBefore.byReview, "unreviewed"));
    expect(countOf(home.byReview, "source_regime")).toBe(1);
    expect(countOf(home.byLevel, "none")).toBe(countOf(homeBefore.byLevel, "none"));
    expect(countOf(home.bySunset, "no_sunset")).toBe(countOf(homeBefore.bySunset, "no_sunset"));
    expect(countOf(home.bySunset, "source_regime")).toBe(1);
    expect(home.mirroredCount).toBe(1);
    expect(countOf(home.byRegime, "us-omb-ai-inventory")).toBe(1);
    expect(homeBefore.mirroredCount).toBe(0);

    const sunsets = await getSunsetOverview(ctx, { today: TODAY });
    expect(sunsets.counts).toEqual(sunsetsBefore.counts);
    expect([...sunsets.noSunset, ...sunsets.lapsed, ...sunsets.dueSoon, ...sunsets.upcoming].map((t) => t.id)).not.toContain(id);
    expect(sunsets.mirrored).toBe(1);

    const feed = await sunsetFeed(ctx, { today: TODAY, limit: 500 });
    expect(feed.map((e) => e.toolId)).not.toContain(id);
    expect(feed.some((e) => e.state === "no_sunset")).toBe(true);

    const list = await listTools(ctx, { query: query(""), today: TODAY });
    expect(list.facets.sunset.find((c) => c.value === "source_regime")?.count).toBe(1);
    expect(list.facets.regime).toEqual([
      { value: "this_register", count: 22 },
      { value: "us-omb-ai-inventory", count: 1 },
    ]);
    const noSunset = await listTools(ctx, { query: query("sunset=no_sunset&sunset=lapsed"), today: TODAY });
    expect(noSunset.total).toBeGreaterThan(0);
    const all = await listTools(ctx, { query: query("sunset=no_sunset&sunset=lapsed&page=1"), today: TODAY });
    expect(all.items.map((t) => t.id)).not.toContain(id);
    const unreviewed = await listTools(ctx, { query: query("review=unreviewed&regime=source_register"), today: TODAY });
    expect(unreviewed.total).toBe(0);
  });

  it("is what the regime filter selects, alone, by register or as any source register", async () => {
    const ctx = ctxOf({ db: db() });
    const us = publishMirrored("ALG-009001", "mirrored-us-tool", "us-omb-ai-inventory");
    const nl = publishMirrored("ALG-009003", "mirrored-nl-tool", "nl-algoritmeregister");
    const other = publishMirrored("ALG-009004", "mirrored-other-tool", "de-register");
    expect(regimeOf(db(), other)).toBe("de-register");

    const ids = async (qs: string) => (await listTools(ctx, { query: query(qs), today: TODAY })).items.map((t) => t.id).sort();
    expect(await ids("regime=us-omb-ai-inventory")).toEqual([us]);
    expect(await ids("regime=other_register")).toEqual([other]);
    expect(await ids("regime=source_register")).toEqual([us, nl, other].sort());
    expect(await ids("regime=uk-atrs")).toEqual([]);
    const own = await listTools(ctx, { query: query("regime=this_register"), today: TODAY });
    expect(own.total).toBe(22);
    expect(own.items.every((t) => t.regime === "this_register")).toBe(true);

    // The alias expands to every mirrored value; an unknown value is reported, not applied.
    const parsed = parseToolQuery(new URLSearchParams("regime=source_register&regime=nowhere"));
    expect(parsed.query.regime).toEqual(["us-omb-ai-inventory", "uk-atrs", "nl-algoritmeregister", "ca-aia", "other_register"]);
    expect(parsed.notices).toEqual([{ code: "ignored_value", param: "regime", value: "nowhere" }]);

    // The card's summary: the source's regime, no review verdict of this register.
    const [card] = (await listTools(ctx, { query: query("regime=nl-algoritmeregister"), today: TODAY })).items;
    expect(card).toMatchObject({ id: nl, regime: "nl-algoritmeregister", reviewStatus: "source_regime", sunsetState: "source_regime" });
  });

  it("is in the exports the regime filter selects", async () => {
    const id = publishMirrored();
    const res = await callLoader<Response>(toolsCsvLoader, "/tools.csv?regime=source_register");
    expect(res.headers.get("Content-Disposition")).toMatch(/filename="tools-source_register-\d{4}-\d{2}-\d{2}\.csv"/);
    const csv = await res.text();
    const rows = csv.trim().split("\r\n");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain(id);
    expect(rows[1]).toContain("source_regime");
    const own = await (await callLoader<Response>(toolsCsvLoader, "/tools.csv?regime=this_register")).text();
    expect(own.trim().split("\r\n")).toHaveLength(23);
    expect(own).not.toContain(id);

    const records = (await (await callLoader<Response>(recordsNdjsonLoader, "/records.ndjson?regime=us-omb-ai-inventory")).text()).split("\n").filter(Boolean);
    expect(records.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual([id]);
  });

  it("is what the API's regime filter selects, with its regime, in the documented shape", async () => {
    const id = publishMirrored();
    const { res, body } = await getJson<{ items: { id: string; regime: string; reviewStatus: string; sunsetState: string }[] }>("/api/v1/tools?regime=source_register");
    expect(res.status).toBe(200);
    expect(body.items.map((t) => ({ id: t.id, regime: t.regime, reviewStatus: t.reviewStatus, sunsetState: t.sunsetState }))).toEqual([
      { id, regime: "us-omb-ai-inventory", reviewStatus: "source_regime", sunsetState: "source_regime" },
    ]);
    const doc = openApiDocument(ORIGIN);
    expect(schemaValidator(doc).errors({ $ref: "#/components/schemas/ToolSummary" }, body.items[0])).toEqual([]);
    const own = await getJson<{ items: { regime: string }[] }>("/api/v1/tools?regime=this_register&limit=100");
    expect(own.body.items).toHaveLength(22);
  });

  it.each([
    ["en", "Mirrored from the US federal AI use case inventory", "Never reviewed"],
    ["zh", "转载自美国联邦人工智能用例清单", "未经审查"],
  ] as const)("shows its card on a %s page as mirrored from its register, never as unlawful or unreviewed", async (lang, mirroredFrom, unreviewed) => {
    const id = publishMirrored();
    const [mirrored] = (await listTools(ctxOf({ db: db() }), { query: query("regime=source_register"), today: TODAY })).items;
    const html = await render(lang, createElement(ToolCard, { tool: mirrored! }));
    expect(html).toContain(id);
    expect(html).toContain(mirroredFrom);
    expect(html).not.toContain("unlawful");
    expect(html).not.toContain(unreviewed);
    // The same card of a tool this register governs, with no end date, is styled as unlawful.
    const [own] = (await listTools(ctxOf({ db: db() }), { query: query("sunset=no_sunset&regime=this_register"), today: TODAY })).items;
    const ownHtml = await render(lang, createElement(ToolCard, { tool: own! }));
    expect(ownHtml).toContain("tool-card unlawful");
    expect(ownHtml).not.toContain(mirroredFrom);
  });
});

describe("the chosen filters", () => {
  it("name every mirrored record chosen at once as one chip that removes the whole choice", async () => {
    const q = query("regime=source_register&kind=app");
    const html = await render("en", createElement(ActiveFilters, { list: { query: q, facets: { agency: [] } } }));
    const chips = html.split("<li>").slice(1);
    expect(chips).toHaveLength(3); // kind, the mirrored records, clear all
    const mirroredChip = chips.find((c) => c.includes("Mirrored: governed by the source register"))!;
    expect(mirroredChip).toMatch(/href="\/tools\?kind=app"/);
    expect(html).not.toContain("UK Algorithmic");
    // One register chosen is its own chip.
    const one = await render("zh", createElement(ActiveFilters, { list: { query: query("regime=uk-atrs"), facets: { agency: [] } } }));
    expect(one).toContain("转载自英国算法透明度记录标准");
  });
});

async function render(lang: "zh" | "en", element: ReactElement): Promise<string> {
  const handler = createStaticHandler([{ id: "root", path: "/", loader: () => ({ lang }), element }]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

describe("feed titles of the regime filter", () => {
  const words = (qs: string, lang: "zh" | "en") =>
    filterWords(parseToolQuery(new URLSearchParams(qs)).query, {}, lang)
      .map((p) => (typeof p === "string" ? p : p.text))
      .join("");
  it("name every mirrored record in one phrase, as the filter chip does, and a single register by its name", () => {
    expect(words("regime=source_register", "zh")).toBe("转载记录，适用来源登记簿规则");
    expect(words("regime=source_register", "en")).toBe("Mirrored: governed by the source register's rules");
    expect(words("regime=uk-atrs", "en")).toBe("Mirrored from the UK Algorithmic Transparency Recording Standard");
  });
});
