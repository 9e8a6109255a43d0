import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { SEED_RECORDS, seedRecord } from "../helpers/seed";
import { publishRevision } from "../../registry/records/publish.server";
import { getSunsetOverview } from "../../registry/lifecycle/sunsets.server";
import { sunsetFeed } from "../../registry/lifecycle/sunset-feed.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { listAgencyWork } from "../../registry/review/queues.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import type { ToolRecordInput } from "../../registry/standard/v1";
import { ctxOf } from "../../registry/shared/context";
import { parseToolQuery } from "../../registry/records/query";

useFreshDb();

function publishWithSunset(id: string, slug: string, sunsetDate: string) {
  const copy = structuredClone(seedRecord("shanghai-suishen-pai")) as ToolRecordInput;
  copy.identity.id = id;
  copy.identity.slug = slug;
  copy.lifecycle.sunsetDate = sunsetDate;
  publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
}

describe("sunsets", () => {
  it("sorts tools into lapsed, due within 60 days, no end date and later, computed from the date", async () => {
    publishWithSunset("ALG-000901", "lapsed-tool", "2026-05-31");
    publishWithSunset("ALG-000902", "due-tool", "2026-07-30");
    publishWithSunset("ALG-000903", "later-tool", "2026-08-01");
    const o = await getSunsetOverview(ctxOf(), { today: "2026-06-01" });
    expect(o.lapsed.map((t) => t.id)).toEqual(["ALG-000901"]);
    expect(o.dueSoon.map((t) => t.id)).toEqual(["ALG-000902"]);
    expect(o.upcoming.map((t) => t.id)).toEqual(["ALG-000903"]);
    // The embedded cases never had an end date, except the retired and the rejected ones.
    const endless = SEED_RECORDS.filter((r) => r.lifecycle.deploymentStatus !== "retired" && r.lifecycle.deploymentStatus !== "proposed").length;
    expect(o.counts).toEqual({ lapsed: 1, due_soon: 1, no_sunset: endless, ok: 1 });
    // On its sunset date a tool is still due (that day is its last lawful one); the day after, it lapses.
    expect((await getSunsetOverview(ctxOf(), { today: "2026-07-30" })).dueSoon.map((t) => t.id)).toEqual(["ALG-000902", "ALG-000903"]);
    expect((await getSunsetOverview(ctxOf(), { today: "2026-07-31" })).lapsed.map((t) => t.id)).toEqual(["ALG-000901", "ALG-000902"]);
  });

  it("feeds lapses and due dates as events, newest first", async () => {
    publishWithSunset("ALG-000901", "lapsed-tool", "2026-05-31");
    publishWithSunset("ALG-000902", "due-tool", "2026-07-30");
    const feed = await sunsetFeed(ctxOf(), { today: "2026-06-01" });
    expect(feed.filter((e) => e.state !== "no_sunset").map((e) => [e.toolId, e.state, e.updated])).toEqual([
      ["ALG-000901", "lapsed", "2026-06-01T00:00:00.000Z"],
      ["ALG-000902", "due_soon", "2026-05-31T00:00:00.000Z"],
    ]);
  });

  it("feeds the tools without an end date too, by when they were published, and takes the list's filters", async () => {
    const endless = SEED_RECORDS.filter((r) => r.lifecycle.deploymentStatus !== "retired" && r.lifecycle.deploymentStatus !== "proposed" && !r.lifecycle.sunsetDate);
    const feed = await sunsetFeed(ctxOf(), { today: "2026-06-01" });
    expect(feed.filter((e) => e.state === "no_sunset").map((e) => e.toolId).sort()).toEqual(endless.map((r) => r.identity.id).sort());
    const updated = feed.map((e) => e.updated);
    expect(updated).toEqual([...updated].sort().reverse());
    const codes = await sunsetFeed(ctxOf(), { today: "2026-06-01", query: parseToolQuery(new URLSearchParams("kind=code_system")).query });
    const codeIds = SEED_RECORDS.filter((r) => r.identity.kind === "code_system").map((r) => r.identity.id);
    expect(codes.length).toBeGreaterThan(0);
    for (const e of codes) expect(codeIds).toContain(e.toolId);
  });

  it("shows an official their agency's tools that are due or lapsed", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    const D0 = new Date("2026-03-01T09:00:00Z");
    const { toolId } = await createDraft(ctxOf({ actor: official, now: D0 }), { identity: newIdentity() });
    for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2026-05-01" }))) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: n as SectionName, value: v });
    await submitDraft(ctxOf({ actor: official, now: D0 }), { toolId });
    expect((await listAgencyWork(ctxOf({ actor: official, now: new Date("2026-02-20T00:00:00Z") }))).due).toEqual([]);
    expect((await listAgencyWork(ctxOf({ actor: official, now: new Date("2026-03-05T00:00:00Z") }))).due.map((t) => [t.id, t.sunsetState])).toEqual([[toolId, "due_soon"]]);
    expect((await listAgencyWork(ctxOf({ actor: official, now: new Date("2026-05-02T00:00:00Z") }))).due.map((t) => [t.id, t.sunsetState])).toEqual([[toolId, "lapsed"]]);
    expect((await listAgencyWork(ctxOf({ actor: actorByEmail("official.hangzhou@register.example"), now: new Date("2026-05-02T00:00:00Z") }))).due).toEqual([]);
  });
});

describe("/sunsets.atom", () => {
  it("is a well-formed Atom feed with escaped text", async () => {
    const { callLoader } = await import("./load");
    const { loader } = await import("~/routes/sunsets[.]atom");
    const copy = structuredClone(seedRecord("shanghai-suishen-pai")) as ToolRecordInput;
    copy.identity.id = "ALG-000904";
    copy.identity.slug = "xss-tool";
    copy.identity.name = { en: "<script>alert(1)</script> & co" };
    copy.lifecycle.sunsetDate = "2020-01-01";
    publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
    const res = await callLoader<Response>(loader, "/sunsets.atom", {}, { headers: { "Accept-Language": "en" } });
    expect(res.headers.get("Content-Type")).toContain("application/atom+xml");
    const body = await res.text();
    expect(body).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(body).toContain("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co (ALG-000904) lapsed");
    expect(body).not.toContain("<script>");
  });
});
