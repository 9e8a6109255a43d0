// The two change counters: page_version (the page cache) moves with every public change and
// only with public ones; list_version (the list index) only with what the index holds, so a
// published comment does not cost every server process a rebuild of the index.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { ctxOf } from "../../registry/shared/context";
import { moderateComment, postComment } from "../../registry/voice/comments.server";
import { pageCacheVersion } from "../../registry/shared/page-version.server";
import { seedId } from "../helpers/seed";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T02:00:00Z");

const version = (table: "page_version" | "list_version") => (getDb().$client.prepare(`SELECT version FROM ${table} WHERE id = 1`).get() as { version: number }).version;

describe("change counters", () => {
  it("a pending comment changes neither; publishing it changes the page version only", async () => {
    const [page0, list0] = [version("page_version"), version("list_version")];
    const posted = await postComment(ctxOf({ address: "10.0.0.1", now: NOW }), { toolId: HEALTH_CODE, comment: { body: "一条意见" } });
    if (!posted.ok) throw new Error("not posted");
    expect([version("page_version"), version("list_version")]).toEqual([page0, list0]);
    await moderateComment(ctxOf({ actor: actorByEmail("reviewer.samr@register.example"), now: NOW }), { commentId: posted.id, decision: "publish", reason: undefined });
    expect(version("page_version")).toBeGreaterThan(page0);
    expect(version("list_version")).toBe(list0);
  });

  it("a change to a listed column changes both", () => {
    const [page0, list0] = [version("page_version"), version("list_version")];
    getDb().$client.prepare(`UPDATE tools SET deployment_status = 'suspended' WHERE id = '${HEALTH_CODE}'`).run();
    expect(version("page_version")).toBeGreaterThan(page0);
    expect(version("list_version")).toBeGreaterThan(list0);
  });

  it("the page version string carries the day, since sunsets pass at midnight", () => {
    expect(pageCacheVersion(getDb())).toBe(`${version("page_version")}.${new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date())}`);
  });
});
