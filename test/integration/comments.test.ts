import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import {
  COMMENT_LIMITS,
  CommentError,
  listPendingComments,
  listPublicComments,
  moderateComment,
  postComment,
  replyToComment,
} from "../../registry/comments.server";
import { listEvents, verifyLog } from "../../registry/events/log.server";
import { getToolDetail, listTools } from "../../registry/tools.server";
import { parseToolQuery } from "../../registry/query";

const getDb = useFreshDb();
const now = new Date("2026-05-01T10:00:00Z");
const later = (s: number) => new Date(now.getTime() + s * 1000);
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const shanghai = () => actorByEmail("official.shanghai@register.example");
const hangzhou = () => actorByEmail("official.hangzhou@register.example");
const count = () => (getDb().$client.prepare(`SELECT count(*) AS n FROM comments`).get() as { n: number }).n;

describe("public comments", () => {
  it("go through moderation, then the agency replies and the public sees both", () => {
    const r = postComment("ALG-000002", { body: "Who bought the data?", displayName: "Wang", contactEmail: "wang@example.org" }, { address: "192.0.2.1", now });
    expect(r).toMatchObject({ ok: true });
    const id = (r as { id: number }).id;
    expect(listPublicComments("ALG-000002")).toEqual([]);
    const queue = listPendingComments(reviewer());
    expect(queue).toEqual([expect.objectContaining({ id, toolId: "ALG-000002", contactEmail: "wang@example.org" })]);

    moderateComment(reviewer(), id, "publish", undefined, later(60));
    replyToComment(shanghai(), id, "The investigation is described in incident 1.", later(120));
    const shown = listPublicComments("ALG-000002");
    expect(shown).toEqual([
      expect.objectContaining({ id, displayName: "Wang", body: "Who bought the data?", status: "published", replies: [expect.objectContaining({ agency: "shanghai-municipal-government" })] }),
    ]);
    // The contact e-mail is never part of what the public gets.
    expect(JSON.stringify(shown)).not.toContain("wang@example.org");
    expect(JSON.stringify(getToolDetail("ALG-000002"))).not.toContain("wang@example.org");
    expect(JSON.stringify(listEvents())).not.toContain("wang@example.org");
    // Counts on the list and detail pages.
    expect(listTools(parseToolQuery(new URLSearchParams("q=随申码")).query).items.find((t) => t.id === "ALG-000002")?.commentCount).toBe(1);
    // Both steps are in the verified log.
    expect(listEvents().events.slice(-2).map((e) => e.kind)).toEqual(["comment_moderated", "comment_replied"]);
    expect(verifyLog().ok).toBe(true);
  });

  it("shows a removed comment as removed with its reason, without its text", () => {
    const { id } = postComment("ALG-000004", { body: "Offensive text" }, { address: "192.0.2.2", now }) as { id: number };
    expect(() => moderateComment(reviewer(), id, "remove", "  ", later(1))).toThrow(CommentError);
    moderateComment(reviewer(), id, "remove", "Insults a named person", later(2));
    expect(listPublicComments("ALG-000004")).toEqual([expect.objectContaining({ status: "removed", removalReason: "Insults a named person", body: null, displayName: null })]);
    expect(() => moderateComment(reviewer(), id, "publish", undefined, later(3))).toThrow(/wrong_state/);
  });

  it("keeps spam out of public view", () => {
    const { id } = postComment("ALG-000004", { body: "Buy followers" }, { address: "192.0.2.3", now }) as { id: number };
    moderateComment(reviewer(), id, "spam", undefined, later(1));
    expect(listPublicComments("ALG-000004")).toEqual([]);
    expect(JSON.stringify(listEvents())).not.toContain("Buy followers");
  });

  it("refuses moderation and replies to the wrong people", () => {
    const { id } = postComment("ALG-000002", { body: "A question" }, { address: "192.0.2.4", now }) as { id: number };
    for (const a of [shanghai(), actorByEmail("admin@register.example"), null]) {
      expect(() => listPendingComments(a)).toThrow(/forbidden/);
      expect(() => moderateComment(a, id, "publish", undefined, now)).toThrow(/forbidden/);
    }
    moderateComment(reviewer(), id, "publish", undefined, now);
    // Hangzhou is not responsible for the Suishen code; reviewers do not reply for agencies.
    for (const a of [hangzhou(), reviewer(), null]) expect(() => replyToComment(a, id, "x", now)).toThrow(/forbidden/);
  });

  it("validates what is posted, field by field, and stores nothing when refused", () => {
    const post = (input: unknown) => postComment("ALG-000002", input, { address: "192.0.2.5", now });
    expect(post({ body: "   " })).toEqual({ ok: false, reason: "invalid", fields: { body: "commentBodyRequired" } });
    expect(post({ body: "x".repeat(COMMENT_LIMITS.bodyMax + 1) })).toMatchObject({ fields: { body: "commentBodyTooLong" } });
    expect(post({ body: "see http://a.example https://b.example www.c.example" })).toMatchObject({ fields: { body: "commentTooManyLinks" } });
    expect(post({ body: "ok", contactEmail: "not-an-email" })).toMatchObject({ fields: { contactEmail: "commentEmailInvalid" } });
    expect(post({ body: "ok", website: "http://spam.example" })).toMatchObject({ fields: { website: "commentRejected" } });
    expect(post({ body: "ok", extra: "field" })).toMatchObject({ reason: "invalid" });
    expect(postComment("ALG-999999", { body: "ok" }, { address: "192.0.2.5", now })).toEqual({ ok: false, reason: "not_found" });
    expect(count()).toBe(0);
  });

  it(`accepts at most ${COMMENT_LIMITS.perAddressPerMinute} comments per address per minute`, () => {
    for (let i = 0; i < COMMENT_LIMITS.perAddressPerMinute; i++) expect(postComment("ALG-000002", { body: `c${i}` }, { address: "198.51.100.7", now: later(i) }).ok).toBe(true);
    expect(postComment("ALG-000002", { body: "one more" }, { address: "198.51.100.7", now: later(10) })).toEqual({ ok: false, reason: "rate_limited" });
    expect(postComment("ALG-000002", { body: "other address" }, { address: "198.51.100.8", now: later(10) }).ok).toBe(true);
    expect(postComment("ALG-000002", { body: "a minute later" }, { address: "198.51.100.7", now: later(70) }).ok).toBe(true);
    // Addresses are stored only as hashes.
    expect(JSON.stringify(getDb().$client.prepare(`SELECT * FROM comments`).all())).not.toContain("198.51.100.7");
  });
});
