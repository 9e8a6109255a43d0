// Every protected route checks its own permissions: anonymous visitors go to the login page;
// an official of another agency, a reviewer of the tool's own agency and an admin get 403;
// nothing is written. Forms without the session's CSRF
// token are refused too.
import { beforeEach, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { DEMO_PASSWORD } from "../helpers/seed";
import { createUser } from "../../registry/auth/accounts.server";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { sessionCookie } from "~/auth.server";
import * as drafts from "~/routes/drafts._index";
import * as newDraft from "~/routes/drafts.new";
import * as edit from "~/routes/tools.$id_.edit";
import * as check from "~/routes/tools.$id_.edit_.check";
import * as submitted from "~/routes/tools.$id_.submitted";
import { ctxOf } from "../../registry/shared/context";
import * as queue from "~/routes/review._index";
import * as review from "~/routes/review.$id";
import * as reports from "~/routes/reports._index";
import * as moderation from "~/routes/review.comments";
import * as adminAccounts from "~/routes/admin.accounts";
import * as adminAgencies from "~/routes/admin.agencies";
import * as inbox from "~/routes/inbox";
import * as account from "~/routes/account";

const getDb = useFreshDb();
type Who = { cookie: string; csrf: string } | null;

async function as(email: string): Promise<Who> {
  const r = await login(ctxOf({ address: `10.0.0.${Math.floor(Math.random() * 200)}` }), { email, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error(`cannot log in ${email}`);
  return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    const out = await p;
    if (out instanceof Response) return out.status;
    const init = (out as { init?: { status?: number } } | null)?.init;
    return init?.status ?? 200;
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const get = (loader: (a: LoaderFunctionArgs) => unknown, url: string, who: Who, params: Record<string, string> = {}) =>
  status(Promise.resolve(loader({ request: new Request(`http://localhost${url}`, { headers: who ? { Cookie: who.cookie } : {} }), params, context: {} })));
const post = (action: (a: ActionFunctionArgs) => unknown, url: string, who: Who, form: Record<string, string>, params: Record<string, string> = {}) =>
  status(
    Promise.resolve(
      action({
        request: new Request(`http://localhost${url}`, { method: "POST", body: new URLSearchParams({ ...(who ? { csrf: who.csrf } : {}), ...form }), headers: who ? { Cookie: who.cookie } : {} }),
        params,
        context: {},
      }),
    ),
  );

function snapshot() {
  const db = getDb().$client;
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { users: db.prepare(`SELECT group_concat(role || coalesce(agency_id, '') || coalesce(disabled_at, '')) AS s FROM users`).get(), agencies: db.prepare(`SELECT group_concat(slug || coalesce(name_zh, '') || coalesce(parent_id, '')) AS s FROM agencies`).get(), invitations: n("account_invitations"), tools: n("tools"), revisions: n("revisions"), events: n("events"), reviews: n("reviews"), findings: n("findings"), confirmations: n("tool_agency_confirmations"), declines: n("tool_agency_declines"), notices: db.prepare(`SELECT group_concat(id || ':' || user_id || ':' || coalesce(read_at, '')) AS s FROM notifications`).get(), outbox: n("mail_outbox"), prefs: n("notice_prefs"), owners: db.prepare(`SELECT group_concat(id || ':' || coalesce(owner_agency_id, '-')) AS s FROM tools`).get(), records: db.prepare(`SELECT group_concat(record_sha256) AS s FROM revisions`).get() };
}

/** The findings form with every criterion rated "met". */
const allMet = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`findings.${i + 1}.rating`, "met"]));

let draftId: string;
let submittedId: string;
let who: Record<"anonymous" | "otherOfficial" | "ownReviewer" | "admin", Who>;

beforeEach(async () => {
  const official = actorByEmail("official.shanghai@register.example");
  const D0 = new Date("2026-03-01T09:00:00Z");
  draftId = (await createDraft(ctxOf({ actor: official, now: D0 }), { identity: newIdentity("private-draft") })).toolId;
  submittedId = (await createDraft(ctxOf({ actor: official, now: D0 }), { identity: newIdentity("submitted-tool") })).toolId;
  for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" }))) await saveDraftSection(ctxOf({ actor: official }), { toolId: submittedId, section: n as SectionName, value: v });
  await submitDraft(ctxOf({ actor: official, now: D0 }), { toolId: submittedId });
  await createUser(ctxOf(), { email: "reviewer.shanghai@register.example", displayName: "Own-agency reviewer", role: "reviewer", agency: "shanghai-municipal-government", password: DEMO_PASSWORD });
  who = {
    anonymous: null,
    otherOfficial: await as("official.hangzhou@register.example"),
    ownReviewer: await as("reviewer.shanghai@register.example"),
    admin: await as("admin@register.example"),
  };
});

describe("protected routes", () => {
  it("refuse everyone but the owning agency's officials on drafts and edits", async () => {
    const before = snapshot();
    expect(await get(drafts.loader, "/drafts", who.anonymous)).toBe(302);
    expect(await get(newDraft.loader, "/drafts/new", who.anonymous)).toBe(302);
    expect(await post(newDraft.action, "/drafts/new", who.anonymous, { "identity.slug": "x" })).toBe(302);
    for (const w of [who.ownReviewer, who.admin]) {
      expect(await get(drafts.loader, "/drafts", w)).toBe(403);
      expect(await get(newDraft.loader, "/drafts/new", w)).toBe(403);
      expect(await post(newDraft.action, "/drafts/new", w, { "identity.slug": "sneaky" })).toBe(403);
    }
    for (const w of [who.anonymous, who.otherOfficial, who.ownReviewer, who.admin]) {
      const expectDraft = w === null ? 302 : 403;
      expect(await get(edit.loader, `/tools/${draftId}/edit`, w, { id: draftId })).toBe(expectDraft);
      expect(await post(edit.action, `/tools/${draftId}/edit`, w, { intent: "save", section: "purpose", "purpose.purpose.en": "Hijacked" }, { id: draftId })).toBe(expectDraft);
      expect(await post(edit.action, `/tools/${draftId}/edit`, w, { intent: "submit" }, { id: draftId })).toBe(expectDraft);
      const expectPublic = w === null ? 302 : 403;
      expect(await get(edit.loader, `/tools/${submittedId}/edit`, w, { id: submittedId })).toBe(expectPublic);
      expect(await post(edit.action, `/tools/${submittedId}/edit`, w, { intent: "withdraw" }, { id: submittedId })).toBe(expectPublic);
      expect(await post(edit.action, `/tools/${submittedId}/edit`, w, { intent: "retire", "reason.en": "x" }, { id: submittedId })).toBe(expectPublic);
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuse the task list, check answers and confirmation pages to everyone but the owning agency's officials", async () => {
    const before = snapshot();
    for (const w of [who.anonymous, who.otherOfficial, who.ownReviewer, who.admin]) {
      const expected = w === null ? 302 : 403;
      expect(await get(check.loader, `/tools/${draftId}/edit/check`, w, { id: draftId })).toBe(expected);
      expect(await post(check.action, `/tools/${draftId}/edit/check`, w, { intent: "submit" }, { id: draftId })).toBe(expected);
      expect(await get(submitted.loader, `/tools/${submittedId}/submitted`, w, { id: submittedId })).toBe(expected);
    }
    const owner = await as("official.shanghai@register.example");
    expect(await post(check.action, `/tools/${draftId}/edit/check`, { cookie: owner!.cookie, csrf: "forged-token" }, { intent: "submit" }, { id: draftId })).toBe(403);
    expect(snapshot()).toEqual(before);
    // The owner sees them; a draft has no confirmation yet and a submitted revision no check page.
    expect(await get(edit.loader, `/tools/${draftId}/edit`, owner, { id: draftId })).toBe(200);
    expect(await get(check.loader, `/tools/${draftId}/edit/check`, owner, { id: draftId })).toBe(200);
    expect(await get(submitted.loader, `/tools/${submittedId}/submitted`, owner, { id: submittedId })).toBe(200);
    expect(await get(submitted.loader, `/tools/${draftId}/submitted`, owner, { id: draftId })).toBe(302);
    expect(await get(check.loader, `/tools/${submittedId}/edit/check`, owner, { id: submittedId })).toBe(302);
    // An incomplete draft is refused on submission from the check page, and nothing is written.
    expect(await post(check.action, `/tools/${draftId}/edit/check`, owner, { intent: "submit" }, { id: draftId })).toBe(400);
    expect(snapshot()).toEqual(before);
  });

  it("refuse the co-responsibility inbox of /drafts to all but an official of a named, unconfirmed agency", async () => {
    const before = snapshot();
    const owner = await as("official.shanghai@register.example");
    for (const intent of ["confirm_responsibility", "decline_responsibility"]) {
      const form = { intent, toolId: submittedId };
      expect(await post(drafts.action, "/drafts", who.anonymous, form)).toBe(302);
      // The other official's agency is not named by the record; reviewers and admins are no officials.
      for (const w of [who.otherOfficial, who.ownReviewer, who.admin]) expect(await post(drafts.action, "/drafts", w, form)).toBe(403);
      // The owning agency needs no confirmation and cannot decline: wrong_state.
      expect(await post(drafts.action, "/drafts", owner, form)).toBe(400);
      expect(await post(drafts.action, "/drafts", { cookie: owner!.cookie, csrf: "forged-token" }, form)).toBe(403);
    }
    expect(snapshot()).toEqual(before);
  });

  it("refuse the take-over of an editors' record to all but an official of an operating or deciding agency", async () => {
    const suishen = "ALG-000002"; // 随申码, registered by the editors, operated by the Shanghai government
    const form = { intent: "take_over", toolId: suishen };
    const before = snapshot();
    expect(await post(drafts.action, "/drafts", who.anonymous, form)).toBe(302);
    expect(await get(edit.loader, `/tools/${suishen}/edit`, who.anonymous, { id: suishen })).toBe(302);
    // Hangzhou's health commission is not named; the reviewer is of the operating agency itself; admins are no officials.
    for (const w of [who.otherOfficial, who.ownReviewer, who.admin]) {
      expect(await post(drafts.action, "/drafts", w, form)).toBe(403);
      expect(await get(edit.loader, `/tools/${suishen}/edit`, w, { id: suishen })).toBe(403);
    }
    const shanghai = await as("official.shanghai@register.example");
    expect(await post(drafts.action, "/drafts", { cookie: shanghai!.cookie, csrf: "forged-token" }, form)).toBe(403);
    // Before taking over, the operating agency's official is offered the take-over, but cannot edit or submit.
    expect(await post(edit.action, `/tools/${suishen}/edit`, shanghai, { intent: "save", section: "purpose", "purpose.purpose.zh": "抢先" }, { id: suishen })).toBe(403);
    expect(await post(edit.action, `/tools/${suishen}/edit`, shanghai, { intent: "submit" }, { id: suishen })).toBe(403);
    expect(snapshot()).toEqual(before);
    const offered = (await edit.loader({ request: new Request(`http://localhost/tools/${suishen}/edit`, { headers: { Cookie: shanghai!.cookie } }), params: { id: suishen }, context: {} })) as { offer?: { toolId: string } };
    expect(offered.offer?.toolId).toBe(suishen);
    expect(((await drafts.loader({ request: new Request("http://localhost/drafts", { headers: { Cookie: shanghai!.cookie } }), params: {}, context: {} })) as { claimable: { id: string }[] }).claimable.map((c) => c.id)).toContain(suishen);

    // The take-over opens the draft; a second one (a double click) is refused and writes nothing.
    const done = (await drafts.action({ request: new Request("http://localhost/drafts", { method: "POST", body: new URLSearchParams({ csrf: shanghai!.csrf, ...form }), headers: { Cookie: shanghai!.cookie } }), params: {}, context: {} })) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("Location")).toBe(`/tools/${suishen}/edit`);
    expect(await get(edit.loader, `/tools/${suishen}/edit`, shanghai, { id: suishen })).toBe(200);
    const taken = snapshot();
    expect(taken.revisions).toBe(before.revisions + 1);
    expect(taken.events).toBe(before.events + 1);
    expect(await post(drafts.action, "/drafts", shanghai, form)).toBe(400);
    for (const w of [who.anonymous, who.otherOfficial, who.ownReviewer, who.admin]) expect(await post(drafts.action, "/drafts", w, form)).toBe(w === null ? 302 : 403);
    expect(snapshot()).toEqual(taken);
  });

  it("refuse review to the public, officials, the tool's own agency's reviewers and admins", async () => {
    const before = snapshot();
    expect(await get(queue.loader, "/review", who.anonymous)).toBe(302);
    for (const w of [who.otherOfficial, who.admin]) expect(await get(queue.loader, "/review", w)).toBe(403);
    const owner = await as("official.shanghai@register.example");
    for (const w of [who.anonymous, owner, who.otherOfficial, who.ownReviewer, who.admin]) {
      const expected = w === null ? 302 : 403;
      expect(await get(review.loader, `/review/${submittedId}`, w, { id: submittedId })).toBe(expected);
      expect(await post(review.action, `/review/${submittedId}`, w, { intent: "start" }, { id: submittedId })).toBe(expected);
      expect(await post(review.action, `/review/${submittedId}`, w, { intent: "finding", ...allMet }, { id: submittedId })).toBe(expected);
      expect(await post(review.action, `/review/${submittedId}`, w, { intent: "decide", decision: "approve", "summary.en": "ok" }, { id: submittedId })).toBe(expected);
    }
    // The own-agency reviewer's queue does not even list the tool.
    const ownQueue = (await queue.loader({ request: new Request("http://localhost/review", { headers: { Cookie: who.ownReviewer!.cookie } }), params: {}, context: {} })) as { items: { id: string }[] };
    expect(ownQueue.items.map((i) => i.id)).not.toContain(submittedId);
    expect(snapshot()).toEqual(before);
  });

  it("keep the report queue and comment moderation from the public and officials", async () => {
    const before = snapshot();
    expect(await get(reports.loader, "/reports", who.anonymous)).toBe(302);
    expect(await get(moderation.loader, "/review/comments", who.anonymous)).toBe(302);
    expect(await get(reports.loader, "/reports", who.otherOfficial)).toBe(403);
    expect(await post(reports.action, "/reports", who.otherOfficial, { id: "1", decision: "confirm" })).toBe(403);
    for (const w of [who.otherOfficial, who.admin]) {
      expect(await get(moderation.loader, "/review/comments", w)).toBe(403);
      expect(await post(moderation.action, "/review/comments", w, { commentId: "1", decision: "publish" })).toBe(403);
    }
    expect(snapshot()).toEqual(before);
  });

  it("save the ten findings in one post, all or none", async () => {
    const reviewer = await as("reviewer.samr@register.example");
    expect(await post(review.action, `/review/${submittedId}`, reviewer, { intent: "start" }, { id: submittedId })).toBe(302);
    const before = snapshot();
    // Criterion 3 partly met without a severity: the whole post is refused.
    const refused = (await review.action({
      request: new Request(`http://localhost/review/${submittedId}`, {
        method: "POST",
        body: new URLSearchParams({ csrf: reviewer!.csrf, intent: "finding", ...allMet, "findings.3.rating": "partly_met" }),
        headers: { Cookie: reviewer!.cookie },
      }),
      params: { id: submittedId },
      context: {},
    })) as unknown as { init: { status: number }; data: { fields: Record<string, string[]>; values: Record<string, string> } };
    expect(refused.init.status).toBe(400);
    expect(Object.keys(refused.data.fields)).toEqual(["findings.3.severity"]);
    expect(refused.data.values["findings.3.rating"]).toBe("partly_met");
    expect(snapshot()).toEqual(before);
    expect(await post(review.action, `/review/${submittedId}`, reviewer, { intent: "finding", ...allMet }, { id: submittedId })).toBe(302);
    expect(snapshot().findings).toBe(before.findings + 10);
  });

  it("keep the admin pages to admins", async () => {
    const before = snapshot();
    const official = actorByEmail("official.shanghai@register.example");
    const account = { accountId: String(official.id) };
    const forms: [(a: ActionFunctionArgs) => unknown, string, Record<string, string>][] = [
      [adminAccounts.action, "/admin/accounts", { intent: "create", email: "sneaky@example.org", displayName: "Sneaky", role: "admin", agency: "" }],
      [adminAccounts.action, "/admin/accounts", { intent: "disable", ...account }],
      [adminAccounts.action, "/admin/accounts", { intent: "reinvite", ...account }],
      [adminAccounts.action, "/admin/accounts", { intent: "change", ...account, role: "admin", agency: "" }],
      [adminAgencies.action, "/admin/agencies", { intent: "create", nameZh: "某局", nameEn: "Sneaky Bureau", jurisdictionLevel: "city" }],
      [adminAgencies.action, "/admin/agencies", { intent: "update", slug: "shanghai-municipal-government", nameZh: "改名", jurisdictionLevel: "city" }],
    ];
    for (const w of [who.anonymous, who.otherOfficial, who.ownReviewer, await as("reviewer.samr@register.example")]) {
      const expected = w === null ? 302 : 403;
      expect(await get(adminAccounts.loader, "/admin/accounts", w)).toBe(expected);
      expect(await get(adminAgencies.loader, "/admin/agencies?edit=shanghai-municipal-government", w)).toBe(expected);
      for (const [action, url, form] of forms) expect(await post(action, url, w, form)).toBe(expected);
    }
    expect(snapshot()).toEqual(before);
    expect(await get(adminAccounts.loader, "/admin/accounts", who.admin)).toBe(200);
    expect(await get(adminAgencies.loader, "/admin/agencies", who.admin)).toBe(200);
    expect(await post(adminAccounts.action, "/admin/accounts", { cookie: who.admin!.cookie, csrf: "forged-token" }, forms[0]![2])).toBe(403);
    expect(snapshot()).toEqual(before);
    expect(await post(adminAccounts.action, "/admin/accounts", who.admin, forms[0]![2])).toBe(200);
    expect(snapshot().invitations).toBe(before.invitations + 1);
  });

  it("keep each person's inbox and notification settings to that person", async () => {
    const samr = await as("reviewer.samr@register.example");
    const samrNotice = String((getDb().$client.prepare(`SELECT n.id FROM notifications n JOIN users u ON u.id = n.user_id WHERE u.email = 'reviewer.samr@register.example'`).get() as { id: number }).id);
    const before = snapshot();
    expect(await get(inbox.loader, "/inbox", who.anonymous)).toBe(302);
    expect(await post(inbox.action, "/inbox", who.anonymous, { intent: "mark_all_read" })).toBe(302);
    expect(await post(inbox.action, "/inbox", who.anonymous, { intent: "mark_read", id: samrNotice })).toBe(302);
    expect(await post(account.action, "/account", who.anonymous, { intent: "notice_settings", noticeLang: "en" })).toBe(302);
    // Everyone signed in has an inbox of their own; another person's notice is not found to them.
    for (const w of [who.otherOfficial, who.ownReviewer, who.admin]) {
      expect(await get(inbox.loader, "/inbox", w)).toBe(200);
      expect(await post(inbox.action, "/inbox", w, { intent: "mark_read", id: samrNotice })).toBe(404);
      const mine = (await inbox.loader({ request: new Request("http://localhost/inbox", { headers: { Cookie: w!.cookie } }), params: {}, context: {} })) as { notices: unknown[] };
      expect(mine.notices).toEqual([]);
    }
    // Without the session's token nothing changes, not even for the owner.
    const forged = { cookie: samr!.cookie, csrf: "forged-token" };
    expect(await post(inbox.action, "/inbox", forged, { intent: "mark_read", id: samrNotice })).toBe(403);
    expect(await post(inbox.action, "/inbox", forged, { intent: "mark_all_read" })).toBe(403);
    expect(await post(account.action, "/account", forged, { intent: "notice_settings", noticeLang: "en" })).toBe(403);
    expect(await post(inbox.action, "/inbox", samr, { intent: "unknown" })).toBe(400);
    expect(snapshot()).toEqual(before);
    expect(await post(inbox.action, "/inbox", samr, { intent: "mark_read", id: samrNotice })).toBe(302);
    expect(await post(account.action, "/account", samr, { intent: "notice_settings", noticeLang: "en" })).toBe(302);
    expect(snapshot().prefs).toBe(before.prefs + 1);
  });

  it("refuse state changes without the session's CSRF token", async () => {
    const official = await as("official.shanghai@register.example");
    const reviewer = await as("reviewer.samr@register.example");
    const before = snapshot();
    const noToken = (w: Who) => ({ cookie: w!.cookie, csrf: "forged-token" });
    expect(await post(edit.action, `/tools/${draftId}/edit`, noToken(official), { intent: "save", section: "purpose", "purpose.purpose.en": "x" }, { id: draftId })).toBe(403);
    expect(await post(newDraft.action, "/drafts/new", noToken(official), { "identity.slug": "x" })).toBe(403);
    expect(await post(review.action, `/review/${submittedId}`, noToken(reviewer), { intent: "start" }, { id: submittedId })).toBe(403);
    expect(snapshot()).toEqual(before);
    // With the token the same request goes through.
    expect(await post(review.action, `/review/${submittedId}`, reviewer, { intent: "start" }, { id: submittedId })).toBe(302);
    expect(snapshot().reviews).toBe(before.reviews + 1);
  });
});
