// Renders shared between workers (server/render-share.mjs): the primary's book of claims, and
// workers talking to it. Messages are delivered asynchronously and structured-cloned, as
// node:cluster's "advanced" serialization does; the real cluster is tried by
// test/e2e/page-cache.spec.ts.
import { describe, expect, it } from "vitest";
import { RenderClaims, RenderShare, renderShareRelay } from "../../server/render-share.mjs";

describe("RenderClaims", () => {
  it("gives a render to the first worker that asks and makes the others wait for it", () => {
    const claims = new RenderClaims();
    expect(claims.claim("7 /tools", 1)).toBe(true);
    expect(claims.claim("7 /tools", 2)).toBe(false);
    expect(claims.claim("7 /tools", 3)).toBe(false);
    // Another page, or the same page at another version, is another render.
    expect(claims.claim("7 /sunsets", 2)).toBe(true);
    expect(claims.claim("8 /tools", 2)).toBe(true);
    // The owner asking again (a second request of its own) still renders.
    expect(claims.claim("7 /tools", 1)).toBe(true);
    expect(claims.done("7 /tools", 2)).toEqual([]);
    expect(claims.done("7 /tools", 1).sort()).toEqual([2, 3]);
    // Ended: the next one to ask renders.
    expect(claims.claim("7 /tools", 3)).toBe(true);
  });

  it("forgets a claim older than maxAgeMs and keeps at most maxEntries", () => {
    let t = 0;
    const claims = new RenderClaims({ maxAgeMs: 100, maxEntries: 3, now: () => t });
    expect(claims.claim("a", 1)).toBe(true);
    t = 101;
    expect(claims.claim("a", 2)).toBe(true);
    for (const at of ["b", "c", "d", "e"]) claims.claim(at, 1);
    expect(claims.claims.size).toBe(3);
    expect([...claims.claims.keys()]).toEqual(["c", "d", "e"]);
  });

  it("ends the renders of a worker that ended, naming who waited", () => {
    const claims = new RenderClaims();
    claims.claim("a", 1);
    claims.claim("a", 2);
    claims.claim("b", 2);
    claims.claim("b", 1);
    expect(claims.workerGone(1)).toEqual([["a", [2]]]);
    expect(claims.done("b", 2)).toEqual([]);
  });
});

type Message = { type: string; [k: string]: unknown };

/** What a claim ends in: "render", or the sibling's page (or null) once the wait is over. */
async function outcome(share: RenderShare, at: string): Promise<unknown> {
  const c = await share.claim(at);
  return c.render ? "render" : await c.page;
}

/** A primary and n workers joined by asynchronous, cloning channels. */
function machine(n: number, opts: { waitMs?: number; answerMs?: number; silentPrimary?: boolean } = {}) {
  const received: { worker: number; key: string; body: string }[] = [];
  const workers: { id: number; share: RenderShare; alive: boolean }[] = [];
  const deliver = (f: () => void) => setImmediate(f);
  const relay = renderShareRelay({
    workers: () => workers.filter((w) => w.alive).map((w) => ({ id: w.id, send: (m: unknown) => deliver(() => w.share.onMessage(structuredClone(m))) })),
  });
  for (let id = 1; id <= n; id++) {
    const w = {
      id,
      alive: true,
      share: new RenderShare({
        send: (m: unknown) => {
          if (!opts.silentPrimary) deliver(() => relay.onMessage(workers[id - 1]!.alive ? { id, send: (r: unknown) => deliver(() => workers[id - 1]!.share.onMessage(structuredClone(r))) } : { id, send: () => {} }, structuredClone(m) as Message));
        },
        receive: (p: { key: string; body: Buffer }) => {
          // Bytes arrive as a Buffer (not a JSON copy).
          expect(Buffer.isBuffer(p.body)).toBe(true);
          received.push({ worker: id, key: p.key, body: p.body.toString("utf8") });
          return { kept: p.body.toString("utf8") };
        },
        waitMs: opts.waitMs ?? 5000,
        answerMs: opts.answerMs ?? 1000,
      }),
    };
    workers.push(w);
  }
  return { workers, relay, received };
}

const page = (key: string, body: string) => ({ version: "7", key, status: 200, headers: { "content-type": "text/html" }, body: Buffer.from(body), vary: "Cookie", etag: 'W/"x"' });

describe("RenderShare", () => {
  it("one worker renders; the one that asked second gets its page, and every sibling keeps it", async () => {
    const { workers, received } = machine(3);
    const [a, b] = workers;
    expect(await outcome(a!.share, "7 /tools")).toBe("render");
    const waiting = outcome(b!.share, "7 /tools");
    // Let b's claim reach the primary before the page is done.
    await new Promise((r) => setTimeout(r, 20));
    a!.share.finished("7 /tools", page("/tools", "名单 list"));
    expect(await waiting).toEqual({ kept: "名单 list" });
    await new Promise((r) => setTimeout(r, 20));
    expect(received.map((r) => r.worker).sort()).toEqual([2, 3]);
    expect(received.every((r) => r.body === "名单 list" && r.key === "/tools")).toBe(true);
    // Done: the next claim renders again (a new version would be a new address anyway).
    expect(await outcome(b!.share, "7 /tools")).toBe("render");
  });

  it("a render that gives no page sends the waiters to render themselves, and nothing to the others", async () => {
    const { workers, received } = machine(3);
    const [a, b] = workers;
    expect(await outcome(a!.share, "7 /x")).toBe("render");
    const waiting = outcome(b!.share, "7 /x");
    await new Promise((r) => setTimeout(r, 20));
    a!.share.finished("7 /x", null);
    expect(await waiting).toBeNull();
    expect(received).toEqual([]);
  });

  it("a waiter whose renderer ended renders itself", async () => {
    const { workers, relay } = machine(2);
    const [a, b] = workers;
    expect(await outcome(a!.share, "7 /y")).toBe("render");
    const waiting = outcome(b!.share, "7 /y");
    await new Promise((r) => setTimeout(r, 20));
    a!.alive = false;
    relay.onExit(1);
    expect(await waiting).toBeNull();
  });

  it("renders when the primary does not answer, and stops waiting after waitMs", async () => {
    const silent = machine(1, { silentPrimary: true, answerMs: 30 });
    const started = Date.now();
    expect(await outcome(silent.workers[0]!.share, "7 /z")).toBe("render");
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    expect(silent.workers[0]!.share.stats.timeouts).toBe(1);

    const { workers } = machine(2, { waitMs: 50 });
    expect(await outcome(workers[0]!.share, "7 /w")).toBe("render");
    // Never finished: the waiter gives up and renders.
    expect(await outcome(workers[1]!.share, "7 /w")).toBeNull();
    expect(workers[1]!.share.waiting.size).toBe(0);
  });

  it("a page sent right behind the answer to a claim is not missed", async () => {
    const got: unknown[] = [];
    const share = new RenderShare({ send: () => {}, receive: (p: { key: string }) => p.key, waitMs: 1000 });
    const claimed = share.claim("7 /v");
    // The primary's answer and the sibling's page, delivered in one go (one IPC read).
    share.onMessage({ type: "register:render-claim-answer", id: 1, render: false });
    share.onMessage({ type: "register:render-done", at: "7 /v", page: page("/v", "x") });
    const c = await claimed;
    expect(c.render).toBe(false);
    if (!c.render) got.push(await c.page);
    expect(got).toEqual(["/v"]);
  });
});
