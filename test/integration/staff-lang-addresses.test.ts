// Staff pages, feeds and exports under the /zh and /en addresses: a login, a redirect after a
// form or a link in a feed keeps the language space of the address it was asked at; data
// (exports, API answers, entry ids) keeps its one unprefixed address.
import { beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { DEMO_PASSWORD, seedId, seedRecord } from "../helpers/seed";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { sessionCookie } from "~/auth.server";
import * as loginRoute from "~/routes/login";
import * as drafts from "~/routes/drafts._index";
import * as newDraft from "~/routes/drafts.new";
import * as edit from "~/routes/tools.$id_.edit";
import * as review from "~/routes/review.$id";
import * as reports from "~/routes/reports._index";
import * as moderation from "~/routes/review.comments";
import * as account from "~/routes/account";
import * as queue from "~/routes/review._index";
import * as logoutRoute from "~/routes/logout";
import { loader as changesAtom } from "~/routes/changes[.]atom";
import { loader as toolChangesAtom } from "~/routes/tools.$id_.changes[.]atom";
import { loader as sunsetsAtom } from "~/routes/sunsets[.]atom";
import { loader as toolsCsv } from "~/routes/tools[.]csv";
import { TOOL_EXPORT_COLUMNS } from "../../registry/exchange/exports/columns";
import { isLanguageNeutral } from "../../registry/shared/urls";
import { submitReport } from "../../registry/voice/reports.server";
import { ctxOf } from "../../registry/shared/context";
import { postComment } from "../../registry/voice/comments.server";
import { publishRevision } from "../../registry/records/publish.server";
import type { ToolRecordInput } from "../../registry/standard/v1";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");

useFreshDb();
type Who = { cookie: string; csrf: string } | null;

async function as(email: string): Promise<Who> {
  const r = await login(ctxOf({ address: `10.0.1.${Math.floor(Math.random() * 200)}` }), { email, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`cannot log in ${email}`);
  return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
}

/** What a loader or action answered or threw, as a Response (or null when it returned data). */
async function answer(p: unknown): Promise<Response | null> {
  try {
    const out = await p;
    return out instanceof Response ? out : null;
  } catch (e) {
    if (e instanceof Response) return e;
    throw e;
  }
}

const get = (loader: (a: LoaderFunctionArgs) => unknown, url: string, who: Who, params: Record<string, string> = {}, headers: Record<string, string> = {}) =>
  loader({ request: new Request(`http://localhost${url}`, { headers: { ...(who ? { Cookie: who.cookie } : {}), ...headers } }), params, context: {} });
const post = (action: (a: ActionFunctionArgs) => unknown, url: string, who: Who, form: Record<string, string>, params: Record<string, string> = {}) =>
  answer(
    action({
      request: new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams({ ...(who ? { csrf: who.csrf } : {}), ...form }), headers: who ? { Cookie: who.cookie } : {} }),
      params,
      context: {},
    }),
  );
const location = async (p: Promise<Response | null> | Response | null) => (await p)?.headers.get("Location") ?? null;

describe("logging in under a language prefix", () => {
  it("sends an anonymous visitor to the login page of the same language space, back to the full address", async () => {
    expect(await location(answer(get(drafts.loader, "/en/drafts", null)))).toBe("/en/login?next=%2Fen%2Fdrafts");
    expect(await location(answer(get(drafts.loader, "/zh/drafts?x=1", null)))).toBe("/zh/login?next=%2Fzh%2Fdrafts%3Fx%3D1");
    expect(await location(answer(get(drafts.loader, "/drafts", null)))).toBe("/login?next=%2Fdrafts");
  });

  it("lands on the account page of the login page's language space when no page asked", async () => {
    expect(await get(loginRoute.loader, "/en/login", null)).toEqual({ next: "/en/account" });
    expect(await get(loginRoute.loader, "/login", null)).toEqual({ next: "/account" });
    const form = { email: "official.shanghai@register.example", password: DEMO_PASSWORD };
    expect(await location(post(loginRoute.action, "/en/login", null, form))).toBe("/en/account");
    expect(await location(post(loginRoute.action, "/zh/login", null, { ...form, next: "/en/drafts" }))).toBe("/en/drafts");
    expect(await location(post(loginRoute.action, "/login", null, form))).toBe("/account");
    // Already signed in: the loader sends the visitor on at once, in the same way.
    const who = await as("official.shanghai@register.example");
    expect(await location(answer(get(loginRoute.loader, "/en/login", who)))).toBe("/en/account");
  });
});

describe("logging out", () => {
  it("comes back to the home page of the language the form was on, and to nothing else", async () => {
    expect(await location(post(logoutRoute.action, "/logout", await as("official.shanghai@register.example"), { lang: "en" }))).toBe("/en");
    expect(await location(post(logoutRoute.action, "/logout", await as("official.shanghai@register.example"), { lang: "zh" }))).toBe("/zh");
    expect(await location(post(logoutRoute.action, "/logout", await as("official.shanghai@register.example"), { lang: "" }))).toBe("/");
    expect(await location(post(logoutRoute.action, "/logout", await as("official.shanghai@register.example"), { lang: "//evil.example" }))).toBe("/");
    expect(await location(post(logoutRoute.action, "/logout", null, { lang: "en" }))).toBe("/en");
  });
});

describe("forms posted under a language prefix redirect back under it", () => {
  let official: Who;
  let reviewer: Who;
  let submittedId: string;
  beforeEach(async () => {
    official = await as("official.shanghai@register.example");
    reviewer = await as("reviewer.samr@register.example");
    const actor = actorByEmail("official.shanghai@register.example");
    const D0 = new Date("2026-03-01T09:00:00Z");
    submittedId = (await createDraft(ctxOf({ actor, now: D0 }), { identity: newIdentity("lang-submitted") })).toolId;
    for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" }))) await saveDraftSection(ctxOf({ actor }), { toolId: submittedId, section: n as SectionName, value: v });
    await submitDraft(ctxOf({ actor, now: D0 }), { toolId: submittedId });
  });

  it("a new draft, a saved section and a workflow action", async () => {
    const identity = newIdentity("lang-new-draft");
    const form: Record<string, string> = {
      "identity.slug": identity.slug,
      "identity.name.zh": identity.name.zh ?? "",
      "identity.name.en": identity.name.en ?? "",
      "identity.kind": identity.kind,
      "identity.jurisdiction.level": identity.jurisdiction.level,
      "identity.jurisdiction.place.zh": identity.jurisdiction.place.zh ?? "",
      "identity.jurisdiction.place.en": identity.jurisdiction.place.en ?? "",
      "identity.policyDomain": identity.policyDomain ?? "",
      "identity.summary.zh": identity.summary.zh ?? "",
      "identity.summary.en": identity.summary.en ?? "",
    };
    const created = await location(post(newDraft.action, "/en/drafts/new", official, form));
    expect(created).toMatch(/^\/en\/tools\/ALG-\d+\/edit\?section=responsibility$/);
    const id = /ALG-\d+/.exec(created!)![0];
    const again = await location(post(newDraft.action, "/drafts/new", official, { ...form, "identity.slug": `${identity.slug}-2` }));
    expect(again).toMatch(/^\/tools\/ALG-\d+\/edit\?section=responsibility$/);

    expect(await location(post(edit.action, `/zh/tools/${id}/edit`, official, { intent: "save", section: "purpose", "purpose.purpose.en": "Scoring" }, { id }))).toBe(
      `/zh/tools/${id}/edit?section=purpose&saved=1`,
    );
    expect(await location(post(edit.action, `/en/tools/${submittedId}/edit`, official, { intent: "withdraw" }, { id: submittedId }))).toBe(
      `/en/tools/${submittedId}/edit?done=withdraw`,
    );
  });

  it("review, reports and moderation", async () => {
    expect(await location(post(review.action, `/en/review/${submittedId}`, reviewer, { intent: "start" }, { id: submittedId }))).toBe(`/en/review/${submittedId}?done=start`);
    expect(await location(post(review.action, `/en/review/${submittedId}`, reviewer, { intent: "finding", "findings.1.rating": "met" }, { id: submittedId }))).toBe(
      `/en/review/${submittedId}?done=finding#findings`,
    );
    expect(await location(post(review.action, `/review/${submittedId}`, reviewer, { intent: "finding", "findings.2.rating": "met" }, { id: submittedId }))).toBe(
      `/review/${submittedId}?done=finding#findings`,
    );
    const report = await submitReport(ctxOf({ address: "192.0.2.31", now: new Date() }), { kind: "unregistered_tool", report: { toolName: "Door sensor", description: "A sensor on every door." } });
    if (!report.ok) throw new Error("no report");
    expect(await location(post(reports.action, "/en/reports", reviewer, { id: String(report.id), decision: "dismiss", reason: "Not a tool." }))).toBe("/en/reports");
    const comment = await postComment(ctxOf({ address: "192.0.2.10", now: new Date() }), { toolId: SUISHEN_CODE, comment: { body: "Is the ranking published?", displayName: "Li" } });
    if (!comment.ok) throw new Error("no comment");
    expect(await location(post(moderation.action, "/zh/review/comments", reviewer, { commentId: String(comment.id), decision: "publish" }))).toBe("/zh/review/comments");
  });
});

describe("feeds link in their own language space", () => {
  const links = (xml: string) => [...xml.matchAll(/<link(?: rel="[^"]*")? href="([^"]*)"\/>/g)].map((m) => m[1]!);
  const ids = (xml: string) => [...xml.matchAll(/<id>([^<]*)<\/id>/g)].map((m) => m[1]!).slice(1);

  it("/en/changes.atom links to /en pages, the unprefixed feed to unprefixed ones, with the same entry ids", async () => {
    const en = await ((await get(changesAtom, "/en/changes.atom", null)) as Response).text();
    const plain = await ((await get(changesAtom, "/changes.atom", null, {}, { "Accept-Language": "en" })) as Response).text();
    const entryLinks = (xml: string) => links(xml).filter((l) => !l.endsWith(".atom"));
    expect(entryLinks(en).length).toBeGreaterThan(0);
    for (const l of entryLinks(en)) expect(l).toMatch(/^http:\/\/localhost\/en\/(?:tools\/ALG-\d+\/history|log)$/);
    for (const l of entryLinks(plain)) expect(l).toMatch(/^http:\/\/localhost\/(?:tools\/ALG-\d+\/history|log)$/);
    expect(en).toContain('<link rel="self" href="http://localhost/en/changes.atom"/>');
    expect(en).toContain('xml:lang="en"');
    expect(ids(en)).toEqual(ids(plain));
    for (const id of ids(en)) expect(id).toMatch(/^http:\/\/localhost\/log\.json#event-\d+$/);
  });

  it("a tool's feed and the sunsets feed too", async () => {
    // A tool that lapsed yesterday, so the sunsets feed has an entry.
    const copy = structuredClone(seedRecord("shanghai-suishen-pai")) as ToolRecordInput;
    Object.assign(copy.identity, { id: "ALG-000901", slug: "lapsed-tool" });
    copy.lifecycle.sunsetDate = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    publishRevision(copy, { at: "2026-01-01T00:00:00.000Z" });
    const tool = await ((await get(toolChangesAtom, `/zh/tools/${SUISHEN_CODE}/changes.atom`, null, { id: SUISHEN_CODE }, { "Accept-Language": "en" })) as Response).text();
    expect(tool).toContain('xml:lang="zh-Hans"');
    expect(links(tool).filter((l) => !l.endsWith(".atom"))).toContain(`http://localhost/zh/tools/${SUISHEN_CODE}/history`);
    const en = await ((await get(sunsetsAtom, "/en/sunsets.atom", null)) as Response).text();
    const plain = await ((await get(sunsetsAtom, "/sunsets.atom", null)) as Response).text();
    expect(en).toContain('<link rel="self" href="http://localhost/en/sunsets.atom"/>');
    expect(en).toContain('<link rel="alternate" href="http://localhost/en/sunsets"/>');
    expect(plain).toContain('<link rel="self" href="http://localhost/sunsets.atom"/>');
    const entryLinks = (xml: string) => links(xml).filter((l) => /\/tools\//.test(l));
    expect(entryLinks(en).length).toBeGreaterThan(0);
    for (const l of entryLinks(en)) expect(l).toMatch(/^http:\/\/localhost\/en\/tools\/ALG-\d+$/);
    for (const l of entryLinks(plain)) expect(l).toMatch(/^http:\/\/localhost\/tools\/ALG-\d+$/);
    expect(ids(en)).toEqual(ids(plain));
  });
});

describe("CSV exports (one address: language neutral)", () => {
  const rows = async (url: string, headers: Record<string, string> = {}) =>
    (await ((await get(toolsCsv, url, null, {}, headers)) as Response).text()).replace(/^\uFEFF/, "").trim().split("\r\n");

  it("sort rows by the negotiated language's names; columns and URLs never change", async () => {
    expect(isLanguageNeutral("/tools.csv")).toBe(true);
    const en = await rows("/tools.csv", { "Accept-Language": "en" });
    const zh = await rows("/tools.csv", { "Accept-Language": "zh-CN" });
    expect(en[0]).toBe(TOOL_EXPORT_COLUMNS.join(","));
    expect(zh[0]).toBe(en[0]);
    expect(en.slice(1).sort()).toEqual(zh.slice(1).sort());
    expect(en).not.toEqual(zh);
    for (const r of en.slice(1)) expect(r).toMatch(/^ALG-(\d+),http:\/\/localhost\/tools\/ALG-\1,/);
  });
});

describe("staff page titles", () => {
  it("come from meta in the root's language, worded as before", () => {
    const title = (meta: unknown, lang: "zh" | "en") =>
      (meta as (a: { matches: { id: string; data: unknown }[] }) => { title?: string }[])({ matches: [{ id: "root", data: { lang, prefix: null } }] })[0]!.title;
    expect(title(account.meta, "zh")).toBe("我的账户 · 公共算法登记簿");
    expect(title(account.meta, "en")).toBe("My account · Public Algorithm Register");
    expect(title(drafts.meta, "en")).toBe("Your agency's records · Public Algorithm Register");
    expect(title(drafts.meta, "zh")).toBe("本机构的记录 · 公共算法登记簿");
    expect(title(queue.meta, "en")).toBe("Review queue · Public Algorithm Register");
    expect(title(moderation.meta, "zh")).toBe("待审核评论 · 公共算法登记簿");
    expect(title(reports.meta, "en")).toBe("Reports from the public · Public Algorithm Register");
  });
});
