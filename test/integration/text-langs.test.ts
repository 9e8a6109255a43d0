// Issue 15: a record mirrored from another register may have its name and summary only in Dutch.
// The record page and the list show the Dutch text marked `lang="nl"`, with a note in the reader's
// language; a Dutch word finds it.
import { describe, expect, it } from "vitest";
import { createElement, type ComponentType, type ReactElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { useFreshDb } from "../helpers/db";
import { callLoader } from "./load";
import { seedId } from "../helpers/seed";
import { loader as listLoader } from "~/routes/tools._index/route";
import { loader as homeLoader } from "~/routes/_index";
import type { HomeSummary } from "../../registry/records/home.server";
import ToolPage, { loader as detailLoader } from "~/routes/tools.$id/route";
import { ToolCard } from "~/components/tool-card";
import { getToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { publishRevision } from "../../registry/records/publish.server";
import type { ToolList } from "../../registry/records/list.server";
import type { ToolDetail } from "../../registry/records/detail.server";
import type { ToolRecordInput } from "../../registry/standard/v1";

const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");
const NAME = "Slimme deursensoren";
const SUMMARY = "Sensoren op de voordeur melden wanneer iemand in quarantaine de deur opent.";
const NOTE = { zh: "原文为荷兰语，暂无中文或英文译文", en: "In Dutch; no English or Chinese translation yet" } as const;

useFreshDb();

/** Publish a revision of the door sensors whose name and summary exist only in Dutch. */
async function publishDutch() {
  const d = await getToolDetail(ctxOf(), { idOrSlug: DOOR_SENSORS });
  if (!d || !("found" in d)) throw new Error("no door sensors");
  const copy = structuredClone(d.found.record) as ToolRecordInput;
  copy.identity.name = { nl: NAME };
  copy.identity.summary = { nl: SUMMARY };
  publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
}

async function render(lang: "zh" | "en", element: ReactElement | null, child?: { loader: () => object; Component: ComponentType }): Promise<string> {
  const handler = createStaticHandler([
    { id: "root", path: "/", loader: () => ({ lang }), element, children: child ? [{ id: "page", index: true, loader: child.loader, Component: child.Component }] : undefined },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
}

const list = async (qs: string) => (await callLoader<{ list: ToolList }>(listLoader, `/tools${qs}`)).list;

describe("a record with its name and summary only in Dutch", () => {
  it("keeps the Dutch text in the record and in the list", async () => {
    await publishDutch();
    const { tool } = await callLoader<{ tool: ToolDetail }>(detailLoader, `/tools/${DOOR_SENSORS}`, { id: DOOR_SENSORS });
    expect(tool.record.identity.name).toEqual({ nl: NAME });
    const item = (await list("?kind=sensor_device")).items.find((t) => t.id === DOOR_SENSORS);
    expect(item?.name).toEqual({ nl: NAME });
    expect(item?.summary).toEqual({ nl: SUMMARY });
    const { summary } = await callLoader<{ summary: HomeSummary }>(homeLoader, "/");
    expect(summary.recent.find((r) => r.id === DOOR_SENSORS)?.name).toEqual({ nl: NAME });
  });

  it.each(["zh", "en"] as const)("shows it in the list on a %s page, marked lang=nl, with the note", async (lang) => {
    await publishDutch();
    const item = (await list("")).items.concat((await list("?page=2")).items).find((t) => t.id === DOOR_SENSORS)!;
    const html = await render(lang, createElement(ToolCard, { tool: item }));
    expect(html).toContain(`<span lang="nl">${NAME}`);
    expect(html).toContain(`<p class="summary" lang="nl">${SUMMARY}`);
    expect(html.split(NOTE[lang]).length - 1).toBe(2);
    expect(html).not.toContain(NOTE[lang === "zh" ? "en" : "zh"]);
  });

  it.each(["zh", "en"] as const)("shows it on the record page on a %s page, marked lang=nl, with the note", async (lang) => {
    await publishDutch();
    const data = await callLoader<object>(detailLoader, `/tools/${DOOR_SENSORS}`, { id: DOOR_SENSORS });
    const html = await render(lang, null, { loader: () => data, Component: ToolPage });
    expect(html).toMatch(new RegExp(`<h1><span lang="nl">${NAME}<span class="fallback-note" lang="${lang === "zh" ? "zh-Hans" : "en"}"> \\(${NOTE[lang]}\\)`));
    expect(html).toContain(`<p class="lead" lang="nl">${SUMMARY}<span class="fallback-note" lang="${lang === "zh" ? "zh-Hans" : "en"}"> (${NOTE[lang]})</span></p>`);
    expect(html).not.toContain(NOTE[lang === "zh" ? "en" : "zh"]);
  });

  it("is found by a Dutch word of its name or summary", async () => {
    const ids = async (q: string) => (await list(`?q=${encodeURIComponent(q)}`)).items.map((t) => t.id);
    expect(await ids("deursensoren")).not.toContain(DOOR_SENSORS);
    await publishDutch();
    expect(await ids("deursensoren")).toContain(DOOR_SENSORS);
    expect(await ids("quarantaine")).toContain(DOOR_SENSORS);
  });
});
