// The chain watch between two full checks (issue 17): after appends the server checks only the
// new entries and the tools they name (registry/log/verify-since.server.ts). It must vouch for
// every honest workflow exactly as the full check does, and hand over to the full check whenever
// anything it reads does not match; what it does not read (an old row of another tool) is left
// to the full check, which the watch runs at least once a minute in a low-priority thread, one
// process at a time (registry/log/full-check.server.ts).
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { eventHash, type ChainEvent } from "../../registry/log/chain";
import { checkpointPath, readCheckpoint, type ChainHead } from "../../registry/log/anchor.server";
import { checkRegister, type CheckOptions } from "../../registry/log/verify.server";
import { checkSince, type Verified } from "../../registry/log/verify-since.server";
import { claimFullCheck, claimPath, fullCheckInThread } from "../../registry/log/full-check.server";
import { chainWatchRound, lastChainCheck, runChainCheck } from "../../registry/log/watch.server";
import { publishRevision } from "../../registry/records/publish.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { recordFact } from "../../registry/lifecycle/facts.server";
import { retireTool } from "../../registry/lifecycle/retire.server";
import { startRevision, submitDraft, withdraw } from "../../registry/review/submission.server";
import { ctxOf } from "../../registry/shared/context";
import { CRITERIA } from "../../registry/review/review-terms";
import { type SectionName } from "../../registry/standard/sections";
import { seedId, seedRecord } from "../helpers/seed";
import type { Db } from "../../db/client.server";

type Client = Db["$client"];
const HEALTH_INDEX = seedId("hangzhou-health-index-code");
const DOOR_SENSORS = seedId("lucheng-smart-door-sensors");
const headOf = (db: Client) => db.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as ChainHead;
const anchorsOf = (db: Db): CheckOptions => {
  const cp = readCheckpoint(checkpointPath(db.$client.name));
  return cp.state === "ok" ? { anchors: [{ source: "checkpoint", head: cp.head }] } : {};
};
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** A new public revision of a seeded tool: one `published_by_editors` entry naming it. */
function republish(slug: string, summary: string, at = "2026-02-01T00:00:00.000Z") {
  const copy = structuredClone(seedRecord(slug));
  copy.identity.summary = { zh: `${summary}（中文）`, en: summary };
  publishRevision(copy, { at });
}

describe("the check since the last intact head", () => {
  const getDb = useFreshDb();

  it("vouches for every step of the whole workflow as the full check does", async () => {
    const db = getDb();
    const client = db.$client;
    const full0 = checkRegister(client, anchorsOf(db));
    expect(full0.ok).toBe(true);
    let verified: Verified = { head: full0.head!, count: full0.count };
    const official = actorByEmail("official.shanghai@register.example");
    const reviewer = actorByEmail("reviewer.samr@register.example");
    const D0 = new Date("2026-03-01T09:00:00Z");
    const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);
    let steps = 0;
    /** After each step: the check since the last head agrees with the full check. */
    const step = async (what: string, run: () => Promise<unknown> | unknown) => {
      await run();
      await tick();
      const full = checkRegister(client, anchorsOf(db));
      expect(full.problems, what).toEqual([]);
      const since = checkSince(client, verified, anchorsOf(db));
      expect(since, what).toEqual(full);
      verified = { head: since!.head!, count: since!.count };
      steps++;
    };
    let toolId = "";
    await step("a draft", async () => {
      ({ toolId } = await createDraft(ctxOf({ actor: official, now: D0 }), { identity: newIdentity("since-check-tool") }));
      for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" })))
        await saveDraftSection(ctxOf({ actor: official }), { toolId, section: n as SectionName, value: v });
    });
    await step("submitted", () => submitDraft(ctxOf({ actor: official, now: D0 }), { toolId }));
    await step("withdrawn", () => withdraw(ctxOf({ actor: official, now: day(1) }), { toolId }));
    await step("revised and submitted again", async () => {
      await startRevision(ctxOf({ actor: official, now: day(2) }), { toolId, action: "revise" });
      await submitDraft(ctxOf({ actor: official, now: day(2) }), { toolId });
    });
    await step("review started", () => startReview(ctxOf({ actor: reviewer, now: day(3) }), { toolId }));
    await step("consultation answered", () => postConsultationResponse(ctxOf({ actor: official, now: day(33) }), { toolId, raised: { en: "Retention." }, changed: { en: "Shorter." } }));
    await step("findings", async () => {
      for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor: reviewer, now: day(33) }), { toolId, finding: { criterion, rating: "met" } });
    });
    await step("approved", () => decide(ctxOf({ actor: reviewer, now: day(34) }), { toolId, decision: "approve", summary: { en: "Fine." } }));
    await step("an appeal statistic", () => recordFact(ctxOf({ actor: official, now: day(35) }), { toolId, appealStat: { period: "2026-Q1", filed: 4, corrected: 1 } }));
    await step("retired", () => retireTool(ctxOf({ actor: official, now: day(36) }), { toolId, reason: { en: "Replaced." } }));
    await step("two seeded tools republished by the editors", () => {
      republish("lucheng-smart-door-sensors", "Updated once.");
      republish("hangzhou-health-index-code", "Updated too.");
    });
    await step("nothing appended", () => undefined);
    expect(steps).toBe(12);
    expect(verified.head).toEqual(headOf(client));
  });

  // Each tampering after new entries: the check since hands over (null), the full check names it.
  const tampering: Record<string, (db: Client, from: Verified) => void> = {
    "a new entry edited in place": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS events_no_update`);
      db.prepare(`UPDATE events SET actor = 'someone-else' WHERE id = (SELECT max(id) FROM events)`).run();
    },
    "the chain rewritten with recomputed hashes from an old entry on": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS events_no_update`);
      const rows = db.prepare(`SELECT * FROM events WHERE id >= 5 ORDER BY id`).all() as { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string }[];
      let prevHash = (db.prepare(`SELECT hash FROM events WHERE id = 4`).get() as { hash: string }).hash;
      for (const r of rows) {
        const e: ChainEvent = { id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: r.id === 5 ? "someone-else" : r.actor, payload: JSON.parse(r.payload), prevHash, hash: "" };
        e.hash = eventHash(e);
        db.prepare(`UPDATE events SET actor = ?, prev_hash = ?, hash = ? WHERE id = ?`).run(e.actor, e.prevHash, e.hash, e.id);
        prevHash = e.hash;
      }
    },
    "the newest entry rewritten with its hash recomputed (only the checkpoint tells)": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS events_no_update`);
      const r = db.prepare(`SELECT * FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string; prev_hash: string };
      const e = { id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: "someone-else", payload: JSON.parse(r.payload) as unknown, prevHash: r.prev_hash };
      db.prepare(`UPDATE events SET actor = ?, hash = ? WHERE id = ?`).run(e.actor, eventHash(e), e.id);
    },
    "entries deleted from the end, below the checkpoint": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS events_no_delete`);
      db.prepare(`DELETE FROM events WHERE id = (SELECT max(id) FROM events)`).run();
    },
    "a forged status of a revision the new entries name": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_status_guard`);
      db.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${DOOR_SENSORS}')`).run();
    },
    "changed record text of an older revision of a tool the new entries name": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_immutable_update`);
      db.prepare(`UPDATE revisions SET record = replace(record, '"zh"', '"zh" ') WHERE number = 1 AND tool_seq = (SELECT seq FROM tools WHERE id = '${DOOR_SENSORS}')`).run();
    },
    "record text and hash changed together": (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_immutable_update`);
      const r = db.prepare(`SELECT id, record FROM revisions WHERE number = 1 AND tool_seq = (SELECT seq FROM tools WHERE id = '${DOOR_SENSORS}')`).get() as { id: number; record: string };
      const record = r.record.replace(/"sunsetDate":(null|"[^"]*")/, '"sunsetDate":"2099-12-31"');
      db.prepare(`UPDATE revisions SET record = ?, record_sha256 = ? WHERE id = ?`).run(record, createHash("sha256").update(record).digest("hex"), r.id);
    },
    "a forged published status of a tool the new entries name": (db) => {
      db.prepare(`UPDATE tools SET review_status = 'approved' WHERE id = '${DOOR_SENSORS}'`).run();
    },
    "a logged revision deleted": (db) => {
      db.pragma("foreign_keys = OFF");
      db.exec(`DROP TRIGGER IF EXISTS revisions_immutable_delete`);
      for (const t of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'revisions' AND sql LIKE '%DELETE%'`).all() as { name: string }[]) db.exec(`DROP TRIGGER "${t.name}"`);
      db.prepare(`DELETE FROM revisions WHERE number = 1 AND tool_seq = (SELECT seq FROM tools WHERE id = '${DOOR_SENSORS}')`).run();
    },
  };

  for (const [what, run] of Object.entries(tampering))
    it(`hands over to the full check for ${what}`, async () => {
      const db = getDb();
      const client = db.$client;
      const full0 = checkRegister(client, anchorsOf(db));
      const from: Verified = { head: full0.head!, count: full0.count };
      republish("lucheng-smart-door-sensors", "Updated once.");
      await tick();
      const anchors = anchorsOf(db);
      expect(checkSince(client, from, anchors)).not.toBeNull();
      run(client, from);
      expect(checkRegister(client, anchors).ok).toBe(false);
      expect(checkSince(client, from, anchors)).toBeNull();
    });

  it("leaves an old row of a tool no new entry names to the full check", async () => {
    const db = getDb();
    const client = db.$client;
    const full0 = checkRegister(client, anchorsOf(db));
    republish("lucheng-smart-door-sensors", "Updated once.");
    await tick();
    client.exec(`DROP TRIGGER revisions_status_guard`);
    client.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    // The check since does not read it: that is the full check's job, at least once a minute.
    expect(checkSince(client, { head: full0.head!, count: full0.count }, anchorsOf(db))).toMatchObject({ ok: true });
    expect(checkRegister(client, anchorsOf(db)).problems.map((p) => p.code)).toEqual(["status_mismatch"]);
  });
});

describe("the watch's rounds", () => {
  const getDb = useFreshDb();
  const T0 = new Date("2026-03-01T08:00:00.000Z");
  const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

  it("checks new entries as they come, the whole log once a minute, and reports tampering at the full check", async () => {
    const db = getDb();
    const client = db.$client;
    expect(await chainWatchRound(db, { now: at(0) })).toBe("full");
    expect(lastChainCheck()).toMatchObject({ ok: true, checkedAt: T0.toISOString(), fullCheckedAt: T0.toISOString(), fullHeadId: 22, head: headOf(client) });
    expect(await chainWatchRound(db, { now: at(5) })).toBe("none");

    republish("lucheng-smart-door-sensors", "Updated once.");
    await tick();
    expect(await chainWatchRound(db, { appended: true, now: at(10) })).toBe("since");
    // The latest check moved to the new head; the full check's time and head stay.
    expect(lastChainCheck()).toMatchObject({ ok: true, checkedAt: at(10)().toISOString(), head: headOf(client), count: 23, fullCheckedAt: T0.toISOString(), fullHeadId: 22 });

    // A full check stored by another process while this check since ran is not overwritten.
    republish("lucheng-smart-door-sensors", "Updated again.");
    await tick();
    const round = chainWatchRound(db, { appended: true, now: at(15) });
    runChainCheck(db, at(14)());
    expect(await round).toBe("since");
    expect(lastChainCheck()).toMatchObject({ checkedAt: at(14)().toISOString(), fullCheckedAt: at(14)().toISOString() });

    // An old row edited: unseen by the check since, found by the full check when it is due.
    client.exec(`DROP TRIGGER revisions_status_guard`);
    client.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    republish("lucheng-smart-door-sensors", "Updated twice.");
    await tick();
    expect(await chainWatchRound(db, { appended: true, now: at(20) })).toBe("since");
    expect(await chainWatchRound(db, { now: at(73) })).toBe("none");
    expect(await chainWatchRound(db, { now: at(74) })).toBe("full");
    expect(lastChainCheck()).toMatchObject({ ok: false, checkedAt: at(74)().toISOString(), fullCheckedAt: at(74)().toISOString() });
    expect(lastChainCheck()!.problems.map((p) => p.code)).toEqual(["status_mismatch"]);

    // While it is broken, every new entry brings the full check again, not the check since.
    republish("lucheng-smart-door-sensors", "Updated three times.");
    await tick();
    expect(await chainWatchRound(db, { appended: true, now: at(80) })).toBe("full");
    expect(lastChainCheck()).toMatchObject({ ok: false, checkedAt: at(80)().toISOString() });
  });

  it("spaces full checks five times as long as one takes, when that is over a minute", async () => {
    const db = getDb();
    expect(await chainWatchRound(db, { now: at(0) })).toBe("full");
    // As if that check had taken 30 s (a very large log): the next is due after 150 s, not 60 s.
    db.$client.prepare(`UPDATE chain_checks SET detail = json_set(detail, '$.fullMs', 30000) WHERE id = 1`).run();
    expect(await chainWatchRound(db, { now: at(60) })).toBe("none");
    expect(await chainWatchRound(db, { now: at(149) })).toBe("none");
    expect(await chainWatchRound(db, { now: at(150) })).toBe("full");
    // A check that took a moment: every minute again.
    expect(await chainWatchRound(db, { now: at(209) })).toBe("none");
    expect(await chainWatchRound(db, { now: at(210) })).toBe("full");
  });

  it("runs the full check in a thread, with the same result as on the caller's thread", async () => {
    const db = getDb();
    const file = db.$client.name;
    const opts = anchorsOf(db);
    expect(await fullCheckInThread(file, opts)).toEqual(checkRegister(db.$client, opts));
    db.$client.exec(`DROP TRIGGER revisions_status_guard`);
    db.$client.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    const broken = await fullCheckInThread(file, opts);
    expect(broken).toEqual(checkRegister(db.$client, opts));
    expect(broken.problems.map((p) => p.code)).toEqual(["status_mismatch", "projection_status_mismatch"].slice(0, broken.problems.length));
    expect(broken.ok).toBe(false);
  }, 60_000);

  it("lets one process at a time claim the full check, and takes over a claim left by a dead one", async () => {
    const db = getDb();
    const file = db.$client.name;
    const release = claimFullCheck(file);
    expect(release).not.toBeNull();
    expect(claimFullCheck(file)).toBeNull();
    // Another holds it: the round leaves the full check to it.
    expect(await chainWatchRound(db, { now: at(0) })).toBe("claimed");
    expect(lastChainCheck()).toBeNull();
    release!();
    expect(fs.existsSync(claimPath(file))).toBe(false);
    // A claim nobody refreshed for a minute (its process died) is taken over.
    fs.writeFileSync(claimPath(file), "12345 dead\n");
    expect(claimFullCheck(file)).toBeNull();
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(claimPath(file), old, old);
    expect(await chainWatchRound(db, { now: at(0) })).toBe("full");
    expect(fs.existsSync(claimPath(file))).toBe(false);
    expect(lastChainCheck()).toMatchObject({ ok: true });
    runChainCheck(db, at(1)());
    expect(lastChainCheck()).toMatchObject({ fullCheckedAt: at(1)().toISOString() });
    // A process that exits while it holds the claim (a restart mid-check) leaves none behind.
    const child = spawnSync(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "-e", `import { claimFullCheck } from ${JSON.stringify(path.resolve("registry/log/full-check.server.ts"))}; console.log(claimFullCheck(${JSON.stringify(file)}) ? "claimed" : "refused"); process.exit(0);`],
      { encoding: "utf8" },
    );
    expect(child.stdout.trim(), child.stderr).toBe("claimed");
    expect(fs.existsSync(claimPath(file))).toBe(false);
  }, 60_000);
});
