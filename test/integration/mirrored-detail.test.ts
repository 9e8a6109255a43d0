// Issue 15: a record mirrored from another register, imported whole by an admin, is governed by its
// source register's rules. Its detail carries the regime (register, source address, copy date) and
// the source's own review and assessment facts; its sunset state is "source_regime"; it is never
// consulted on or reviewed here; it takes no facts and no edits. Its page says where it comes
// from and speaks in the source's terms: no "should not be running", no "no review decision yet"
// or "never reviewed", no "not assessed"; Dutch text is marked lang="nl". A record withheld in
// full shows only its name, id and ground. Every page is checked in Chinese and in English.
import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { DEMO_PASSWORD, seedId } from "../helpers/seed";
import { callLoader } from "./load";
import { claimableTools, takeOver, takeOverOffer } from "../../registry/review/take-over.server";
import { mirroredImportText, usRecord, NL_ID, NL_NAME, NL_SUMMARY, US_ID, WITHHELD_GROUND, WITHHELD_ID } from "../helpers/mirrored";
import { importRecords } from "../../registry/exchange/records/import.server";
import { getToolDetail, type ToolDetail } from "../../registry/records/detail.server";
import { recordFact } from "../../registry/lifecycle/facts.server";
import { ctxOf } from "../../registry/shared/context";
import { RegistryError } from "../../registry/shared/errors";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import { STRINGS } from "~/i18n/strings";
import { LABELS } from "../../registry/standard/labels";
import ToolPage, { loader as detailLoader } from "~/routes/tools.$id/route";
import * as edit from "~/routes/tools.$id_.edit";
import * as facts from "~/routes/tools.$id_.facts";
import type { Actor } from "../../registry/auth/roles";

useFreshDb();

const admin: Actor = { id: 1, email: "admin@register.example", displayName: "Admin", role: "admin", agencyId: null, agencySlug: null };
const NOW = new Date("2026-09-01T09:00:00Z");

function importMirrored() {
  const report = importRecords(ctxOf({ actor: admin, now: NOW }), { text: mirroredImportText(), createAgencies: true });
  expect(report.entries.flatMap((e) => e.problems)).toEqual([]);
  expect(report.result).toBe("imported");
}

async function detail(id: string): Promise<ToolDetail> {
  const d = await getToolDetail(ctxOf({ now: NOW }), { idOrSlug: id, today: "2026-09-01" });
  if (!d || !("found" in d)) throw new Error(`no record ${id}`);
  return d.found;
}

async function page(lang: "zh" | "en", id: string): Promise<{ html: string; data: object }> {
  const data = await callLoader<object>(detailLoader, `/tools/${id}`, { id });
  const handler = createStaticHandler([
    { id: "root", path: "/", loader: () => ({ lang }), children: [{ id: "page", index: true, loader: () => data, Component: ToolPage }] },
  ]);
  const context = await handler.query(new Request("http://localhost/"));
  if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
  const html = renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  // React escapes quotes in text; compare with the strings as written.
  return { html: html.replace(/<!-- -->/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&"), data };
}

/** The words of a string with its {placeholders} cut out: each part must (or must not) be on the page. */
const parts = (s: string) => s.split(/\{\w+\}/).map((p) => p.trim()).filter((p) => p.length > 3);

async function as(email: string) {
  const r = await login(ctxOf({ address: "10.0.0.7" }), { email, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`cannot log in ${email}`);
  return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    const out = await p;
    if (out instanceof Response) return out.status;
    return (out as { init?: { status?: number } } | null)?.init?.status ?? 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

describe("the detail of a record mirrored from another register", () => {
  it("carries the regime and the source's review facts, sunset state source_regime, no consultation or review", async () => {
    importMirrored();
    const us = await detail(US_ID);
    expect(us.sunsetState).toBe("source_regime");
    expect(us.mirrored).toEqual({
      register: "us-omb-ai-inventory",
      sourceUrl: "https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory",
      retrievedOn: "2026-08-08",
      sourceId: "VA-2025-0042",
      review: {
        independentReview: { status: "done", detail: { en: "Reviewed by the agency's AI governance board." } },
        classifications: [expect.objectContaining({ scheme: "us-omb-high-impact", value: "high-impact" })],
        assessmentDocuments: 1,
      },
    });
    expect(us.consultation).toBeNull();
    expect(us.reviews).toEqual([]);
    expect(us.withheldRecord).toBeNull();
    const nl = await detail(NL_ID);
    expect(nl.sunsetState).toBe("source_regime");
    expect(nl.mirrored).toMatchObject({ register: "nl-algoritmeregister", sourceId: "11243654", review: { independentReview: null, assessmentDocuments: 0 } });
  });

  it("is null for a record this register governs, whose sunset state is judged by this register's rules", async () => {
    const own = await detail(seedId("shanghai-suishen-code"));
    expect(own.mirrored).toBeNull();
    expect(own.withheldRecord).toBeNull();
    expect(own.sunsetState).not.toBe("source_regime");
  });

  it("takes no facts: an incident on a mirrored record is refused and nothing is written", async () => {
    importMirrored();
    const reviewer = actorByEmail("reviewer.samr@register.example");
    const incident = { kind: "outage", date: "2026-08-10", title: { en: "Down" }, description: { en: "Down for a day." }, sources: [] };
    const err = await recordFact(ctxOf({ actor: reviewer, now: NOW }), { toolId: US_ID, incident }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).code).toBe("wrong_state");
    expect((err as RegistryError).issues.map((i) => i.code)).toEqual(["err_mirrored_read_only"]);
    expect((await detail(US_ID)).revisionCount).toBe(1);
    expect(STRINGS.zh.err_mirrored_read_only).toMatch(/只读/);
  });

  it("offers officials no edit, take-over or facts page, and refuses a posted edit", async () => {
    importMirrored();
    const official = await as("official.shanghai@register.example");
    const reviewer = await as("reviewer.samr@register.example");
    const req = (url: string, who: { cookie: string }, init: RequestInit = {}) => new Request(`http://localhost${url}`, { ...init, headers: { Cookie: who.cookie } });
    expect(await statusOf(Promise.resolve(edit.loader({ request: req(`/tools/${US_ID}/edit`, official), params: { id: US_ID }, context: {} })))).toBe(403);
    expect(await statusOf(Promise.resolve(facts.loader({ request: req(`/tools/${US_ID}/facts`, reviewer), params: { id: US_ID }, context: {} })))).toBe(403);
    const posted = edit.action({
      request: req(`/tools/${US_ID}/edit`, official, { method: "POST", body: new URLSearchParams({ csrf: official.csrf, intent: "takeOver" }) }),
      params: { id: US_ID },
      context: {},
    });
    const out = (await posted) as { data: { message?: string }; init: { status: number } };
    expect(out.init.status).toBe(400);
    expect([STRINGS.zh.err_mirrored_read_only, STRINGS.en.err_mirrored_read_only]).toContain(out.data.message);
    // A record this register governs still opens for its officials (the take-over offer of an editors' record).
    const own = seedId("shanghai-suishen-code");
    expect(await statusOf(Promise.resolve(edit.loader({ request: req(`/tools/${own}/edit`, official), params: { id: own }, context: {} })))).toBe(200);
  });
});

describe("taking a mirrored record over", () => {
  // The same US record, naming the Shanghai official's agency as operating it: once mirrored,
  // once governed by this register (the control: an editors' record the agency may claim).
  function entry(id: string, mirrored: boolean): string {
    const record = usRecord();
    record.identity = { ...record.identity, id, slug: `claim-test-${id.slice(-3)}` };
    record.responsibility.agencies = [{ agency: "shanghai-municipal-government", role: "operates" }];
    if (!mirrored) delete (record as { regime?: unknown }).regime;
    const at = "2026-08-08T06:20:11.000Z";
    return JSON.stringify({ id, slug: record.identity.slug, standardVersion: "1.1", agencies: [], revisions: [{ number: 1, status: "unreviewed", createdAt: at, submittedAt: null, publishedAt: at, record }] });
  }

  it("is refused, and the record is not among the agency's claimable records, while a record this register governs is", async () => {
    const report = importRecords(ctxOf({ actor: admin, now: NOW }), { text: [entry("ALG-900151", true), entry("ALG-900152", false)].join("\n") });
    expect(report.entries.flatMap((e) => e.problems)).toEqual([]);
    const official = actorByEmail("official.shanghai@register.example");
    const claimable = (await claimableTools(ctxOf({ actor: official, now: NOW }))).map((t) => t.id);
    expect(claimable).toContain("ALG-900152");
    expect(claimable).not.toContain("ALG-900151");
    expect(await takeOverOffer(ctxOf({ actor: official, now: NOW }), { toolId: "ALG-900151" })).toBeNull();
    expect(await takeOverOffer(ctxOf({ actor: official, now: NOW }), { toolId: "ALG-900152" })).not.toBeNull();
    const err = await takeOver(ctxOf({ actor: official, now: NOW }), { toolId: "ALG-900151" }).catch((e: unknown) => e);
    expect((err as RegistryError).issues.map((i) => i.code)).toEqual(["err_mirrored_read_only"]);
    expect((await detail("ALG-900151")).revisionCount).toBe(1);
    await expect(takeOver(ctxOf({ actor: official, now: NOW }), { toolId: "ALG-900152" })).resolves.toMatchObject({ toolId: "ALG-900152" });
  });
});

describe.each(["zh", "en"] as const)("the page of a mirrored record, in %s", (lang) => {
  const S = STRINGS[lang];
  const L = (group: keyof typeof LABELS, v: string) => (LABELS[group] as Record<string, { zh: string; en: string }>)[v]![lang];

  it("says where it comes from, in the source's terms, and makes none of this register's claims", async () => {
    importMirrored();
    const { html } = await page(lang, US_ID);
    // The regime banner: the register by name, the copy date, the link to the record there.
    expect(html).toContain('class="regime-banner"');
    expect(html).toContain(L("register", "us-omb-ai-inventory"));
    expect(html).toContain(lang === "zh" ? "2026年8月8日" : "8 Aug 2026");
    expect(html).toContain('href="https://github.com/ombegov/2025-Federal-Agency-AI-Use-Case-Inventory"');
    for (const p of parts(S.mirroredBanner)) expect(html).toContain(p);
    // The end date in the source's terms.
    expect(html).toContain(S.mirroredNoEndDate);
    expect(html).toContain(S.mirroredEndNone);
    // The source's review facts, not this register's review status.
    for (const p of parts(S.mirroredReviewIndependent)) expect(html).toContain(p);
    expect(html).toContain("Reviewed by the agency&#x27;s AI governance board.".replace("&#x27;", "'"));
    expect(html).toContain(`${L("classificationScheme", "us-omb-high-impact")}${S.labelColon}high-impact`);
    // None of this register's claims the source does not make.
    expect(html).not.toContain(S.noSunsetWarning);
    for (const p of parts(S.answersReviewNone)) expect(html).not.toContain(p);
    expect(html).not.toContain(S.fImpactNotAssessed);
    expect(html).not.toContain(S.sunsetNone);
    for (const v of ["unreviewed", "approved", "rejected"]) expect(html).not.toContain(`>${L("review", v)}<`);
    expect(html).not.toContain(`badge level-`);
    expect(html).not.toContain(`>${L("level", "none")}<`);
    // No facts link, and comments say nothing is forwarded to the source.
    expect(html).not.toContain(`/tools/${US_ID}/facts`);
    expect(html).toContain(S.mirroredCommentsIntro);
    expect(html).not.toContain(S.commentsIntro);
  });

  it("shows the record-level fields of version 1.1", async () => {
    importMirrored();
    const { html } = await page(lang, US_ID);
    for (const k of ["v11ClassesHeading", "v11GovernanceHeading", "v11SupplyHeading", "v11ExternalHeading", "v11AccountableOfficer", "v11Team", "v11Benefits", "v11CompanyNumber"] as const)
      expect(html, k).toContain(S[k]);
    for (const text of ["Chief AI Officer", "Office of Information and Technology", "Shorter waiting times for veterans.", "DUNS 123456789", "Claims with handwritten evidence may be misrouted.", "Staff review every routing before work starts.", "FISMA ATO", "Gradient boosted classifier", "Historical claims 2015-2022", "Incoming claims", "VA-2025-0042", "Use Case Topic Area"])
      expect(html, text).toContain(text);
    expect(html).toContain(S.v11Extensions.replace("{register}", L("register", "us-omb-ai-inventory")));
    expect(html).toContain(L("datasetPhase", "development"));
    expect(html).toContain(L("datasetPhase", "operational"));
    expect(html).toContain(S.v11Governance_independentReview);
    expect(html).toContain(`${L("progress", "in_progress")}`);
  });

  it("marks Dutch text lang=nl and does not say it was not assessed", async () => {
    importMirrored();
    const { html } = await page(lang, NL_ID);
    expect(html).toMatch(new RegExp(`<h1><span lang="nl">${NL_NAME}<span class="fallback-note"`));
    expect(html).toContain(`<p class="lead" lang="nl">${NL_SUMMARY}`);
    expect(html).toContain('<tbody lang="nl">');
    expect(html).toContain(L("register", "nl-algoritmeregister"));
    expect(html).toContain(S.mirroredImpactNotApplicable);
    expect(html).not.toContain(S.fImpactNotAssessed);
    // The source reports a class, not a review: the card says so, never "no review decision yet".
    expect(html).toMatch(new RegExp(`id="answer-review"><dt>[^<]+</dt><dd>${L("classificationScheme", "nl-publication-category")}${S.labelColon}Impactvolle algoritmes`));
    expect(html).not.toContain(S.mirroredReviewNone);
    expect(html).not.toContain(S.noSunsetWarning);
  });

  it("of a record withheld in full, shows only its name, id and ground", async () => {
    importMirrored();
    const { html, data } = await page(lang, WITHHELD_ID);
    expect(html).toContain(S.withheldRecordTitle);
    expect(html).toContain(WITHHELD_GROUND[lang]);
    expect(html).toContain("5 U.S.C. 552(b)(7)");
    expect(html).toContain("Withheld analytics tool");
    expect(html).not.toContain(S.answersHeading);
    expect(html).not.toContain(S.commentsHeading);
    expect(JSON.stringify(data)).not.toContain("SECRET PURPOSE TEXT");
  });
});

describe("the page of a record this register governs", () => {
  it("keeps this register's claims and shows no regime banner", async () => {
    const id = seedId("shanghai-suishen-code");
    const { html } = await page("en", id);
    expect(html).not.toContain('class="regime-banner"');
    expect(html).toContain(`badge review-`);
  });
});
