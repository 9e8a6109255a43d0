import { RegistryError } from "../../registry/shared/errors";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import {
  COMMENT_LIMITS,
  listPendingComments,
  listPublicComments,
  moderateComment,
  postComment,
  replyToComment,
} from "../../registry/voice/comments.server";
import { listEvents, verifyLog } from "../../registry/log/log.server";
import { listTools } from "../../registry/records/list.server";
import { getToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { parseToolQuery } from "../../registry/records/query";
import { login } from "../../registry/auth/sessions.server";
import { DEMO_PASSWORD, seedId } from "../helpers/seed";
import { sessionCookie } from "~/auth.server";
import { loader as moderationLoader } from "~/routes/review.comments";
import { loader as toolLoader } from "~/routes/tools.$id/route";
import { SECRETS, seedActivity } from "./api-helpers";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");
const RED_CODING = seedId("henan-health-code-red-coding");

const getDb = useFreshDb();
const now = new Date("2026-05-01T10:00:00Z");
const later = (s: number) => new Date(now.getTime() + s * 1000);
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const shanghai = () => actorByEmail("official.shanghai@register.example");
const hangzhou = () => actorByEmail("official.hangzhou@register.example");
const count = () => (getDb().$client.prepare(`SELECT count(*) AS n FROM comments`).get() as { n: number }).n;

describe("public comments", () => {
  it("go through moderation, then the agency replies and the public sees both", async () => {
    const r = await postComment(ctxOf({ address: "192.0.2.1", now }), { toolId: SUISHEN_CODE, comment: { body: "Who bought the data?", displayName: "Wang", contactEmail: "wang@example.org" } });
    expect(r).toMatchObject({ ok: true });
    const id = (r as { id: number }).id;
    expect(listPublicComments(SUISHEN_CODE)).toEqual([]);
    const queue = (await listPendingComments(ctxOf({ actor: reviewer() }))).items;
    expect(queue).toEqual([expect.objectContaining({ id, toolId: SUISHEN_CODE, body: "Who bought the data?" })]);
    // The e-mail was left for the agency, not for the moderators.
    expect(JSON.stringify(queue)).not.toContain("wang@example.org");

    await moderateComment(ctxOf({ actor: reviewer(), now: later(60) }), { commentId: id, decision: "publish", reason: undefined });
    await replyToComment(ctxOf({ actor: shanghai(), now: later(120) }), { commentId: id, body: "The investigation is described in incident 1." });
    const shown = listPublicComments(SUISHEN_CODE);
    expect(shown).toEqual([
      expect.objectContaining({ id, displayName: "Wang", body: "Who bought the data?", status: "published", replies: [expect.objectContaining({ agency: "shanghai-municipal-government" })] }),
    ]);
    // The contact e-mail is never part of what the public gets.
    expect(JSON.stringify(shown)).not.toContain("wang@example.org");
    expect(JSON.stringify(await getToolDetail(ctxOf(), { idOrSlug: SUISHEN_CODE }))).not.toContain("wang@example.org");
    expect(JSON.stringify(await listEvents(ctxOf()))).not.toContain("wang@example.org");
    // Counts on the list and detail pages.
    expect((await listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams("q=随申码")).query })).items.find((t) => t.id === SUISHEN_CODE)?.commentCount).toBe(1);
    // Both steps are in the verified log.
    expect((await listEvents(ctxOf())).events.slice(-2).map((e) => e.kind)).toEqual(["comment_moderated", "comment_replied"]);
    expect(verifyLog().ok).toBe(true);
  });

  it("shows a removed comment as removed with its reason, without its text", async () => {
    const { id } = (await postComment(ctxOf({ address: "192.0.2.2", now }), { toolId: RED_CODING, comment: { body: "Offensive text" } })) as { id: number };
    await expect(moderateComment(ctxOf({ actor: reviewer(), now: later(1) }), { commentId: id, decision: "remove", reason: "  " })).rejects.toThrow(RegistryError);
    await moderateComment(ctxOf({ actor: reviewer(), now: later(2) }), { commentId: id, decision: "remove", reason: "Insults a named person" });
    expect(listPublicComments(RED_CODING)).toEqual([expect.objectContaining({ status: "removed", removalReason: "Insults a named person", body: null, displayName: null })]);
    await expect(moderateComment(ctxOf({ actor: reviewer(), now: later(3) }), { commentId: id, decision: "publish", reason: undefined })).rejects.toThrow(/wrong_state/);
  });

  it("keeps spam out of public view", async () => {
    const { id } = (await postComment(ctxOf({ address: "192.0.2.3", now }), { toolId: RED_CODING, comment: { body: "Buy followers" } })) as { id: number };
    await moderateComment(ctxOf({ actor: reviewer(), now: later(1) }), { commentId: id, decision: "spam", reason: undefined });
    expect(listPublicComments(RED_CODING)).toEqual([]);
    expect(JSON.stringify(await listEvents(ctxOf()))).not.toContain("Buy followers");
  });

  it("refuses moderation and replies to the wrong people", async () => {
    const { id } = (await postComment(ctxOf({ address: "192.0.2.4", now }), { toolId: SUISHEN_CODE, comment: { body: "A question" } })) as { id: number };
    for (const a of [shanghai(), actorByEmail("admin@register.example"), null]) {
      await expect(listPendingComments(ctxOf({ actor: a }))).rejects.toThrow(/forbidden/);
      await expect(moderateComment(ctxOf({ actor: a, now }), { commentId: id, decision: "publish", reason: undefined })).rejects.toThrow(/forbidden/);
    }
    await moderateComment(ctxOf({ actor: reviewer(), now }), { commentId: id, decision: "publish", reason: undefined });
    // Hangzhou is not responsible for the Suishen code; reviewers do not reply for agencies.
    for (const a of [hangzhou(), reviewer(), null]) await expect(replyToComment(ctxOf({ actor: a, now }), { commentId: id, body: "x" })).rejects.toThrow(/forbidden/);
  });

  it("validates what is posted, field by field, and stores nothing when refused", async () => {
    const post = (input: unknown) => postComment(ctxOf({ address: "192.0.2.5", now }), { toolId: SUISHEN_CODE, comment: input });
    expect(await post({ body: "   " })).toEqual({ ok: false, reason: "invalid", fields: { body: "commentBodyRequired" } });
    expect(await post({ body: "x".repeat(COMMENT_LIMITS.bodyMax + 1) })).toMatchObject({ fields: { body: "commentBodyTooLong" } });
    expect(await post({ body: "see http://a.example https://b.example www.c.example" })).toMatchObject({ fields: { body: "commentTooManyLinks" } });
    expect(await post({ body: "ok", contactEmail: "not-an-email" })).toMatchObject({ fields: { contactEmail: "commentEmailInvalid" } });
    expect(await post({ body: "ok", website: "http://spam.example" })).toMatchObject({ fields: { website: "commentRejected" } });
    expect(await post({ body: "ok", extra: "field" })).toMatchObject({ reason: "invalid" });
    expect(await postComment(ctxOf({ address: "192.0.2.5", now }), { toolId: "ALG-999999", comment: { body: "ok" } })).toEqual({ ok: false, reason: "not_found" });
    expect(count()).toBe(0);
  });

  it(`accepts at most ${COMMENT_LIMITS.perAddressPerMinute} comments per address per minute`, async () => {
    for (let i = 0; i < COMMENT_LIMITS.perAddressPerMinute; i++) expect((await postComment(ctxOf({ address: "198.51.100.7", now: later(i) }), { toolId: SUISHEN_CODE, comment: { body: `c${i}` } })).ok).toBe(true);
    expect(await postComment(ctxOf({ address: "198.51.100.7", now: later(10) }), { toolId: SUISHEN_CODE, comment: { body: "one more" } })).toEqual({ ok: false, reason: "rate_limited" });
    expect((await postComment(ctxOf({ address: "198.51.100.8", now: later(10) }), { toolId: SUISHEN_CODE, comment: { body: "other address" } })).ok).toBe(true);
    expect((await postComment(ctxOf({ address: "198.51.100.7", now: later(70) }), { toolId: SUISHEN_CODE, comment: { body: "a minute later" } })).ok).toBe(true);
    // Addresses are stored only as hashes.
    expect(JSON.stringify(getDb().$client.prepare(`SELECT * FROM comments`).all())).not.toContain("198.51.100.7");
  });
});

describe("a resubmitted comment form", () => {
  const T = "7f1c9a52-3b7e-4d0c-9a51-0c2f4e6b8d11";
  const post = (input: Record<string, string>, address = "203.0.113.9", at = now, tool = SUISHEN_CODE) => postComment(ctxOf({ address, now: at }), { toolId: tool, comment: input });

  it("with the same token is stored once and answered as the first copy, from any address, at any time", async () => {
    const first = await post({ body: "Who keeps my trips?", token: T });
    expect(first).toEqual({ ok: true, id: expect.any(Number) });
    const id = (first as { id: number }).id;
    expect(await post({ body: "Who keeps my trips?", token: T }, "203.0.113.9", later(1))).toEqual({ ok: true, id, repeated: true });
    // The browser moved to another network, or resent the form much later: still the same form.
    expect(await post({ body: "Who keeps my trips?", token: T }, "198.51.100.99", later(3600))).toEqual({ ok: true, id, repeated: true });
    expect(count()).toBe(1);
    expect(getDb().$client.prepare(`SELECT client_token FROM comments`).all()).toEqual([{ client_token: T }]);
  });

  it("with a token reused for another text or another tool stores the new comment", async () => {
    await post({ body: "First", token: T });
    expect(await post({ body: "Second, edited", token: T }, "203.0.113.9", later(1))).toEqual({ ok: true, id: expect.any(Number) });
    expect(await post({ body: "First", token: T }, "203.0.113.9", later(2), RED_CODING)).toEqual({ ok: true, id: expect.any(Number) });
    expect(count()).toBe(3);
    // The token stays with the first comment only (it is unique).
    expect((getDb().$client.prepare(`SELECT count(*) AS n FROM comments WHERE client_token IS NOT NULL`).get() as { n: number }).n).toBe(1);
  });

  it("with different tokens and the same text stores both (two people behind one address)", async () => {
    await post({ body: "+1", token: T });
    expect(await post({ body: "+1", token: "0b9d2c4e-8a6f-4f1b-b2d3-5e7a9c1f3e20" }, "203.0.113.9", later(1))).toMatchObject({ ok: true });
    expect(count()).toBe(2);
  });

  it("without a token: the same text from the same address on the same tool within 10 minutes is stored once", async () => {
    const { id } = (await post({ body: "Same words" })) as { id: number };
    expect(await post({ body: "  Same words  " }, "203.0.113.9", later(1))).toEqual({ ok: true, id, repeated: true });
    expect(await post({ body: "Same words" }, "203.0.113.9", later(599))).toEqual({ ok: true, id, repeated: true });
    expect(count()).toBe(1);
    // A resent form does not use up the address's posts for the minute.
    for (let i = 0; i < COMMENT_LIMITS.perAddressPerMinute; i++) expect(await post({ body: "Same words" }, "203.0.113.9", later(2 + i))).toMatchObject({ repeated: true });
    expect(await post({ body: "Other words" }, "203.0.113.9", later(10))).toEqual({ ok: true, id: expect.any(Number) });
  });

  it("without a token: different text, another address or another tool is a new comment", async () => {
    await post({ body: "Same words" });
    expect(await post({ body: "Different words" }, "203.0.113.9", later(1))).toEqual({ ok: true, id: expect.any(Number) });
    expect(await post({ body: "Same words" }, "203.0.113.10", later(2))).toEqual({ ok: true, id: expect.any(Number) });
    expect(await post({ body: "Same words" }, "203.0.113.9", later(3), RED_CODING)).toEqual({ ok: true, id: expect.any(Number) });
    expect(count()).toBe(4);
  });

  it("without a token: after 10 minutes the same text is a new comment", async () => {
    await post({ body: "Same words" });
    expect(await post({ body: "Same words" }, "203.0.113.9", later(601))).toEqual({ ok: true, id: expect.any(Number) });
    expect(count()).toBe(2);
  });

  it("ignores a malformed token (treated as none)", async () => {
    const { id } = (await post({ body: "Words", token: "x" })) as { id: number };
    expect(await post({ body: "Words", token: "<script>" }, "203.0.113.9", later(1))).toEqual({ ok: true, id, repeated: true });
    expect(getDb().$client.prepare(`SELECT client_token FROM comments`).all()).toEqual([{ client_token: null }]);
  });
});

describe("commenters' contact e-mails", () => {
  const cookieFor = async (email: string | null): Promise<Record<string, string>> => {
    if (!email) return {};
    const r = await login(ctxOf({ address: "192.0.2.200" }), { email, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error(`cannot log in ${email}`);
    return { Cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]! };
  };
  const toolPage = async (id: string, email: string | null) =>
    (await toolLoader({ request: new Request(`http://localhost/tools/${id}`, { headers: await cookieFor(email) }), params: { id }, context: {} })) as {
      tool: { comments: { id: number; body: string | null }[] };
      contactEmails: Record<string, string>;
    };

  it("are never in the moderation queue's data, though the comments are", async () => {
    await seedActivity();
    const data = await moderationLoader({ request: new Request("http://localhost/review/comments", { headers: await cookieFor("reviewer.samr@register.example") }), params: {}, context: {} });
    const text = JSON.stringify(data);
    expect(text).toContain(SECRETS.pendingBody);
    expect(text).not.toContain(SECRETS.email);
  });

  it("reach the officials of the owning agency on the record page, and nobody else", async () => {
    const { reviewedId } = await seedActivity();
    const owner = await toolPage(reviewedId, "official.shanghai@register.example");
    const published = owner.tool.comments.find((c) => c.body === "Is the ranking published?")!;
    expect(owner.contactEmails).toEqual({ [published.id]: SECRETS.email });
    for (const who of [null, "reviewer.samr@register.example", "reviewer.zhejiang@register.example", "admin@register.example", "official.hangzhou@register.example"]) {
      const page = await toolPage(reviewedId, who);
      expect(page.tool.comments.some((c) => c.body === "Is the ranking published?"), String(who)).toBe(true);
      expect(JSON.stringify(page), String(who)).not.toContain(SECRETS.email);
    }
  });

  it("reach nobody on an editorial record, not even a responsible agency's officials", async () => {
    const { id } = (await postComment(ctxOf({ address: "192.0.2.9", now }), { toolId: SUISHEN_CODE, comment: { body: "Who keeps the data?", contactEmail: "li@example.org" } })) as { id: number };
    await moderateComment(ctxOf({ actor: reviewer(), now: later(1) }), { commentId: id, decision: "publish", reason: undefined });
    for (const who of ["official.shanghai@register.example", "reviewer.samr@register.example", "admin@register.example"]) {
      const page = await toolPage(SUISHEN_CODE, who);
      expect(page.tool.comments.some((c) => c.id === id), who).toBe(true);
      expect(JSON.stringify(page), who).not.toContain("li@example.org");
    }
  });
});
