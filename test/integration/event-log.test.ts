import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import path from "node:path";
import { useFreshDb, freshDb } from "../helpers/db";
import { callLoader } from "./load";
import { loader as logJsonLoader } from "~/routes/log[.]json";
import { loader as logPageLoader } from "~/routes/log._index";
import { verifyLog, listEvents } from "../../registry/log/log.server";
import { eventHash, GENESIS_HASH, verifyChain, type ChainEvent } from "../../registry/log/chain";
import { publishRevision } from "../../registry/records/publish.server";
import { runChainCheck } from "../../registry/log/watch.server";
import { checkRegister } from "../../registry/log/verify.server";
import { chainProblemOperatorMessage } from "~/i18n/chain-problems";
import { SEED_RECORDS, seedId, seedRecord } from "../helpers/seed";
import { ctxOf } from "../../registry/shared/context";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");
const RED_CODING = seedId("henan-health-code-red-coding");
const TEST_LOOKUP = seedId("nucleic-acid-record-lookup");
const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");
const YRD_BRAIN = seedId("yrd-cross-province-smart-brain");

const getDb = useFreshDb();

describe("the event log", () => {
  it("holds one editorial publication per embedded case, and the chain is intact", async () => {
    const log = await listEvents(ctxOf());
    expect(log.total).toBe(SEED_RECORDS.length);
    expect(log.events.map((e) => e.toolId)).toEqual(SEED_RECORDS.map((r) => r.identity.id));
    expect(log.events.every((e) => e.kind === "published_by_editors" && e.actor === "editors")).toBe(true);
    expect(log.events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(verifyLog()).toMatchObject({ ok: true, count: SEED_RECORDS.length });
  });

  it("appends an event with each new revision, in the same transaction", async () => {
    const copy = structuredClone(seedRecord("lucheng-smart-door-sensors"));
    copy.identity.summary = { zh: "更新后的摘要。", en: "An updated summary." };
    publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
    const last = (await listEvents(ctxOf(), { page: 1 })).events.at(-1)!;
    expect(last).toMatchObject({ toolId: DOOR_SENSORS, kind: "published_by_editors", payload: { revision: 2 } });
    // An unchanged record writes nothing, so logs nothing.
    publishRevision(copy, { at: "2026-02-02T00:00:00.000Z" });
    expect((await listEvents(ctxOf())).total).toBe(SEED_RECORDS.length + 1);
    expect(verifyLog().ok).toBe(true);
  });

  it("refuses UPDATE and DELETE", () => {
    const db = getDb().$client;
    expect(() => db.prepare(`UPDATE events SET actor = 'x' WHERE id = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM events WHERE id = 1`).run()).toThrow(/append-only/);
  });

  it("names the first broken row when someone with the file rewrites history", () => {
    const db = getDb().$client;
    db.exec(`DROP TRIGGER events_no_update`);
    db.prepare(`UPDATE events SET payload = '{"revision":7}' WHERE id = 5`).run();
    expect(verifyLog()).toMatchObject({ ok: false, count: 4, firstBroken: { id: 5, reason: "hash_mismatch" } });
  });

  it("publishes pages of events as JSON that a client can verify on its own", async () => {
    runChainCheck();
    const res = await callLoader<Response>(logJsonLoader, "/log.json?page=1");
    expect(res.headers.get("Content-Type")).toContain("application/json");
    const body = (await res.json()) as { verification: { ok: boolean }; head: { id: number; hash: string }; events: ChainEvent[]; total: number; pageCount: number };
    expect(body.verification.ok).toBe(true);
    expect(body.head).toEqual({ id: body.events.at(-1)!.id, hash: body.events.at(-1)!.hash });
    expect(body.total).toBe(SEED_RECORDS.length);
    expect(verifyChain(body.events)).toMatchObject({ ok: true, count: body.events.length });
    for (const e of body.events) expect(eventHash(e)).toBe(e.hash);
    // Bad page numbers are clamped, never an error.
    for (const p of ["-1", "abc", "99999"]) expect((await callLoader<Response>(logJsonLoader, `/log.json?page=${p}`)).status).toBe(200);
  });

  it("shows the latest full check, with its time, on the /log page", async () => {
    const before = await callLoader<{ chain: { lastCheck: unknown } }>(logPageLoader, "/log");
    expect(before.chain.lastCheck).toBeNull();
    runChainCheck(getDb(), new Date("2026-03-01T08:00:00.000Z"));
    const page = await callLoader<{ chain: { lastCheck: { ok: boolean; count: number; checkedAt: string } } }>(logPageLoader, "/log");
    expect(page.chain.lastCheck).toMatchObject({ ok: true, count: SEED_RECORDS.length, checkedAt: "2026-03-01T08:00:00.000Z" });
  });
});

describe("npm run verify-log", () => {
  const run = (file: string) =>
    spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/verify-log.cli.ts"], {
      env: { ...process.env, DATABASE_PATH: file },
      encoding: "utf8",
    });
  it("exits 0 on an intact log and 1 naming the row on a broken one", () => {
    const f = freshDb();
    try {
      const ok = run(f.file);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`${SEED_RECORDS.length} entries`);
      f.db.$client.exec(`DROP TRIGGER events_no_delete`);
      f.db.$client.prepare(`DELETE FROM events WHERE id = 3`).run();
      const broken = run(f.file);
      expect(broken.status).toBe(1);
      // The check returns a code with its parameters; the CLI words it as /log does.
      const [problem] = checkRegister(f.db.$client).problems;
      expect(problem).toEqual({ code: "chain_broken", event: 4, reason: "id_gap" });
      expect(broken.stderr).toContain("  - Entry 4 does not follow from the one before: an entry is missing before it.");
      expect(chainProblemOperatorMessage(problem!, "en")).toBe("Entry 4 does not follow from the one before: an entry is missing before it.");
      expect(chainProblemOperatorMessage(problem!, "zh")).toBe("第 4 条记录未与前一条相接：记录缺失。");
    } finally {
      f.close();
    }
    }, 60_000);
});

describe("Atom feeds of changes", () => {
  const feed = async (route: string, url: string, params: Record<string, string> = {}) => {
    const mod = (await import(/* @vite-ignore */ route)) as { loader: (a: never) => Promise<Response> };
    const res = await callLoader<Response>(mod.loader as never, url, params);
    expect(res.headers.get("Content-Type")).toContain("application/atom+xml");
    return res.text();
  };
  it("lists all changes, one tool's and one agency's, newest first", async () => {
    const all = await feed("~/routes/changes[.]atom", "/changes.atom");
    expect(all.match(/<entry>/g)).toHaveLength(SEED_RECORDS.length);
    expect(all.indexOf(YRD_BRAIN)).toBeLessThan(all.indexOf(HEALTH_CODE));
    const tool = await feed("~/routes/tools.$id_.changes[.]atom", `/tools/${RED_CODING}/changes.atom`, { id: RED_CODING });
    expect(tool.match(/<entry>/g)).toHaveLength(1);
    expect(tool).toContain(`/tools/${RED_CODING}/history`);
    const agency = await feed("~/routes/agencies.$slug_.changes[.]atom", "/agencies/state-council-general-office/changes.atom", { slug: "state-council-general-office" });
    expect(agency).toContain(HEALTH_CODE);
    expect(agency).toContain(TEST_LOOKUP);
    expect(agency).not.toContain(DOOR_SENSORS);
  });
});
