// The open API holds exactly what the public pages show: a crawl of every endpoint finds no
// draft, no contact e-mail, no unmoderated or removed comment text and nothing about accounts.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { fetchApi, getJson, SECRETS, seedActivity } from "./api-helpers";
import { submitReport } from "../../registry/reports.server";

useFreshDb();

type Page = { items: Record<string, unknown>[]; next: string | null };

/** Every body the API answers, following every list to its end and every tool and agency in them. */
async function crawl(): Promise<string[]> {
  const bodies: string[] = [];
  const get = async (url: string) => {
    const res = await fetchApi(url);
    expect(res.status, url).toBe(200);
    const text = await res.text();
    bodies.push(text);
    return JSON.parse(text) as unknown;
  };
  const all = async (url: string) => {
    const items: Record<string, unknown>[] = [];
    for (let next: string | null = url; next; ) {
      const page = (await get(next)) as Page;
      items.push(...page.items);
      next = page.next;
    }
    return items;
  };
  await get("/api/v1");
  await get("/api/openapi.json");
  for (const t of await all("/api/v1/tools?limit=7")) {
    await get(`/api/v1/tools/${String(t.id)}`);
    await get(`/api/v1/tools/${String(t.id)}/revisions`);
  }
  for (const a of ((await get("/api/v1/agencies")) as Page).items) await get(`/api/v1/agencies/${String(a.slug)}`);
  await all("/api/v1/incidents?limit=5");
  await all("/api/v1/events?limit=50");
  return bodies;
}

describe("what the API never shows", () => {
  it("leaves out drafts, contact e-mails, unmoderated and removed comment text, and accounts", async () => {
    const { reviewedId, draftId } = seedActivity();
    const report = submitReport("record_problem", { description: "The sunset date is wrong.", contactEmail: "reporter@example.org" }, { toolId: "ALG-000002", address: "192.0.2.30", now: new Date() });
    expect(report).toMatchObject({ ok: true });
    const text = (await crawl()).join("\n");

    // Positive controls: the crawl reached the reviewed tool, its published comment and the reply.
    expect(text).toContain(reviewedId);
    expect(text).toContain("Is the ranking published?");
    expect(text).toContain("Yes, in the record's logic section.");
    expect(text).toContain("Personal attack");

    for (const secret of [...Object.values(SECRETS), "reporter@example.org", "@register.example", draftId]) expect(text, secret).not.toContain(secret);
    for (const word of ["password", "csrf", "addressHash", "address_hash", "contactEmail", "contact_email", "passwordHash"]) expect(text.toLowerCase(), word).not.toContain(word.toLowerCase());
  });

  it("shows the published revision while a new one is drafted, and answers 404 for a draft tool", async () => {
    const { reviewedId, draftId } = seedActivity();
    const { body: tool } = await getJson<{ revision: { number: number; status: string }; revisionCount: number; comments: { status: string; body: string | null }[] }>(`/api/v1/tools/${reviewedId}`);
    expect(tool.revision).toMatchObject({ number: 1, status: "approved" });
    expect(tool.revisionCount).toBe(1);
    expect(tool.comments.map((c) => [c.status, c.body])).toEqual([
      ["published", "Is the ranking published?"],
      ["removed", null],
    ]);
    const { body: revisions } = await getJson<{ revisions: { number: number }[] }>(`/api/v1/tools/${reviewedId}/revisions`);
    expect(revisions.revisions.map((r) => r.number)).toEqual([1]);
    for (const url of [`/api/v1/tools/${draftId}`, `/api/v1/tools/${draftId}/revisions`, "/api/v1/tools/api-test-secret-draft"]) {
      const res = await fetchApi(url);
      expect(res.status, url).toBe(404);
    }
    const { body: events } = await getJson<{ items: unknown[]; total: number }>(`/api/v1/events?tool=${draftId}`);
    expect(events.total).toBe(0);
  });
});
