// The open API holds exactly what the public pages show: a crawl of every endpoint finds no
// draft, no contact e-mail, no unmoderated or removed comment text and nothing about accounts.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { fetchApi, getJson, SECRETS, seedActivity } from "./api-helpers";
import { submitReport } from "../../registry/voice/reports.server";
import { login } from "../../registry/auth/sessions.server";
import { ctxOf } from "../../registry/shared/context";
import { callLoader } from "./load";
import { seedId } from "../helpers/seed";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");

const getDb = useFreshDb();

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
  for (const a of await all("/api/v1/agencies?limit=3")) await get(`/api/v1/agencies/${String(a.slug)}`);
  await all("/api/v1/incidents?limit=5");
  await all("/api/v1/events?limit=50");
  return bodies;
}

/** Every export a visitor can download: the lists in each format, the nested CSVs, the feeds, each record's JSON and history, every log page. */
async function crawlExports(toolIds: string[]): Promise<string[]> {
  const bodies: string[] = [];
  const get = async (route: string, url: string, params: Record<string, string> = {}) => {
    const mod = (await import(/* @vite-ignore */ route)) as { loader: (args: never) => unknown };
    const res = await callLoader<Response>(mod.loader as never, url, params);
    expect(res.status, url).toBe(200);
    const text = await res.text();
    bodies.push(text);
    return text;
  };
  await get("~/routes/tools[.]csv", "/tools.csv");
  await get("~/routes/tools[.]json", "/tools.json");
  await get("~/routes/tools[.]ndjson", "/tools.ndjson");
  await get("~/routes/tools.data-elements[.]csv", "/tools/data-elements.csv");
  await get("~/routes/agencies[.]csv", "/agencies.csv");
  await get("~/routes/incidents[.]csv", "/incidents.csv");
  await get("~/routes/findings[.]csv", "/findings.csv");
  await get("~/routes/comments[.]csv", "/comments.csv");
  await get("~/routes/changes[.]atom", "/changes.atom");
  await get("~/routes/sunsets[.]atom", "/sunsets.atom");
  for (const id of toolIds) {
    await get("~/routes/tools-json.$id", `/tools/${id}.json`, { id: `${id}.json` });
    await get("~/routes/tools.$id_.history[.]json", `/tools/${id}/history.json`, { id });
  }
  for (let page = 1; ; page++) {
    const log = JSON.parse(await get("~/routes/log[.]json", `/log.json?page=${page}`)) as { pageCount: number };
    if (page >= log.pageCount) break;
  }
  return bodies;
}

describe("the client-address key", () => {
  it("is kept once in the database and appears in no export, feed, record JSON, log page or API answer", async () => {
    const { reviewedId } = await seedActivity();
    await submitReport(ctxOf({ address: "192.0.2.31", now: new Date() }), { kind: "unregistered_tool", report: { toolName: "Door sensor", description: "A sensor on every door." } });
    await login(ctxOf({ address: "192.0.2.32" }), { email: "official.shanghai@register.example", password: "wrong-password-k" });
    const db = getDb();
    const secrets = db.$client.prepare(`SELECT name, value FROM register_secrets`).all() as { name: string; value: string }[];
    expect(secrets).toHaveLength(1);
    const key = secrets[0]!.value;
    const forms = [key, Buffer.from(key, "base64url").toString("hex"), Buffer.from(key, "base64url").toString("base64")];
    // The stored address hashes are keyed with it (positive control that this is the key in use).
    const { createHmac } = await import("node:crypto");
    const hash = (db.$client.prepare(`SELECT address_hash FROM comments ORDER BY id LIMIT 1`).get() as { address_hash: string }).address_hash;
    expect(hash).toBe(createHmac("sha256", Buffer.from(key, "base64url")).update("comment\u0000192.0.2.10").digest("hex"));

    const ids = (db.$client.prepare(`SELECT id FROM tools WHERE published_revision_id IS NOT NULL ORDER BY seq`).all() as { id: string }[]).map((r) => r.id);
    expect(ids).toContain(reviewedId);
    const text = [...(await crawl()), ...(await crawlExports(ids))].join("\n");
    expect(text).toContain(reviewedId);
    for (const form of forms) expect(text, "the address key").not.toContain(form);
    for (const stored of [hash, "192.0.2.10", "192.0.2.31", "192.0.2.32"]) expect(text).not.toContain(stored);
  });
});

describe("what the API never shows", () => {
  it("leaves out drafts, contact e-mails, unmoderated and removed comment text, and accounts", async () => {
    const { reviewedId, draftId } = await seedActivity();
    const report = await submitReport(ctxOf({ address: "192.0.2.30", now: new Date() }), { kind: "record_problem", report: { description: "The sunset date is wrong.", contactEmail: "reporter@example.org" }, toolId: SUISHEN_CODE });
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
    const { reviewedId, draftId } = await seedActivity();
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
