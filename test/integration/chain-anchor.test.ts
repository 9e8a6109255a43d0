// The event log's anchor (issue 10, finding 8): the chain's head leaves the database (checkpoint
// file, /log.json, the API, feeds); `npm run verify-log` catches a chain rewritten with
// recomputed hashes, deleted tail events, a forged review status and changed record text, both
// against the checkpoint and against a head given with --expect; a status changes only with
// its logged event; /log shows the latest full check with its time.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { freshDb, useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { callLoader } from "./load";
import { getJson, ORIGIN, schemaValidator, type OpenApiDoc } from "./api-helpers";
import { openApiDocument } from "../../registry/exchange/api/openapi";
import { loader as logJsonLoader } from "~/routes/log[.]json";
import { loader as changesFeedLoader } from "~/routes/changes[.]atom";
import { eventHash, type ChainEvent } from "../../registry/log/chain";
import { checkpointPath, parseHead, readCheckpoint, writeCheckpoint } from "../../registry/log/anchor.server";
import { checkRegister, type ChainProblem } from "../../registry/log/verify.server";
import { chainProblemOperatorMessage } from "~/i18n/chain-problems";
import { runChainCheck, lastChainCheck } from "../../registry/log/watch.server";
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
import type { Actor } from "../../registry/auth/roles";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_INDEX = seedId("hangzhou-health-index-code");

type Client = Db["$client"];
const head = (db: Client) => db.prepare(`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`).get() as { id: number; hash: string };
const tick = () => new Promise((resolve) => setImmediate(resolve));

function cli(file: string, ...args: string[]) {
  return spawnSync(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/verify-log.cli.ts", ...args], {
    env: { ...process.env, DATABASE_PATH: file },
    encoding: "utf8",
  });
}

/** Rewrites the chain from event `from` on with recomputed hashes, as someone with the file could. */
function rewriteChain(db: Client, from: number, change: (e: ChainEvent) => void) {
  db.exec(`DROP TRIGGER IF EXISTS events_no_update`);
  const rows = db.prepare(`SELECT * FROM events WHERE id >= ? ORDER BY id`).all(from) as { id: number; at: string; kind: string; tool_id: string | null; actor: string; payload: string }[];
  let prevHash = (db.prepare(`SELECT hash FROM events WHERE id = ?`).get(from - 1) as { hash: string }).hash;
  const update = db.prepare(`UPDATE events SET actor = ?, payload = ?, prev_hash = ?, hash = ? WHERE id = ?`);
  for (const r of rows) {
    const e: ChainEvent = { id: r.id, at: r.at, kind: r.kind, toolId: r.tool_id, actor: r.actor, payload: JSON.parse(r.payload), prevHash, hash: "" };
    if (r.id === from) change(e);
    e.hash = eventHash(e);
    update.run(e.actor, JSON.stringify(e.payload), e.prevHash, e.hash, e.id);
    prevHash = e.hash;
  }
}

/**
 * Each tampering, the problem code the check returns for it, and how the CLI words that problem
 * in English and /log in Chinese (against the checkpoint or a head copied from outside).
 */
const tamper: Record<string, { run: (db: Client) => void; code: ChainProblem["code"]; says: RegExp; zh: RegExp }> = {
  "a chain rewritten with recomputed hashes": {
    run: (db) => rewriteChain(db, 5, (e) => (e.actor = "someone-else")),
    code: "anchor_mismatch",
    says: /Entry 22 is not the entry (the checkpoint recorded|you copied): the log was rewritten\. Its hash is [0-9a-f]{64}; it was [0-9a-f]{64}\./,
    zh: /第 22 条记录与(检查点所记载的|您保存的)不同：日志被改写了。其哈希值为 [0-9a-f]{64}，原为 [0-9a-f]{64}。/,
  },
  "deleted tail events": {
    run: (db) => {
      db.exec(`DROP TRIGGER IF EXISTS events_no_delete`);
      db.prepare(`DELETE FROM events WHERE id > 20`).run();
    },
    code: "anchor_missing",
    says: /(The checkpoint|The head you copied) names entry 22, but the log ends at entry 20: entries were deleted from its end\./,
    zh: /(检查点记载了|您保存的最新记录是)第 22 条(记录)?，但日志止于第 20 条：末尾的记录被删除了。/,
  },
  "a forged revisions.status (its trigger dropped)": {
    run: (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_status_guard`);
      db.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    },
    code: "status_mismatch",
    says: new RegExp(`${HEALTH_INDEX}, revision 1, shows the review status “Approved”, but its log entries give “Rejected”\\.`),
    zh: new RegExp(`${HEALTH_INDEX} 第 1 版显示的审查状态为“已批准”，但日志记录为“已否决”。`),
  },
  "record text changed after dropping the revisions trigger": {
    run: (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_immutable_update`);
      db.prepare(`UPDATE revisions SET record = replace(record, 'medical', 'mechanical') WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    },
    code: "record_hash_mismatch",
    says: new RegExp(`The text of ${HEALTH_INDEX}, revision 1, was changed after it was submitted\\.`),
    zh: new RegExp(`${HEALTH_INDEX} 第 1 版的文本在提交后被改动。`),
  },
  "record text and its record_sha256 changed together": {
    run: (db) => {
      db.exec(`DROP TRIGGER IF EXISTS revisions_immutable_update`);
      const r = db.prepare(`SELECT id, record FROM revisions WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).get() as { id: number; record: string };
      const record = r.record.replace(/"sunsetDate":(null|"[^"]*")/, '"sunsetDate":"2099-12-31"');
      expect(record).not.toBe(r.record);
      db.prepare(`UPDATE revisions SET record = ?, record_sha256 = ? WHERE id = ?`).run(record, createHash("sha256").update(record).digest("hex"), r.id);
    },
    code: "record_event_mismatch",
    says: new RegExp(`${HEALTH_INDEX}, revision 1, is not the record entry 9 logged\\.`),
    zh: new RegExp(`${HEALTH_INDEX} 第 1 版不是第 9 条日志记录的版本。`),
  },
};

describe("npm run verify-log against the checkpoint and --expect", () => {
  it("passes an intact register against its checkpoint and against the head given, and refuses to guess without either", () => {
    const f = freshDb();
    try {
      const cp = checkpointPath(f.file)!;
      expect(readCheckpoint(cp)).toEqual({ state: "ok", head: head(f.db.$client) });
      const ok = cli(f.file);
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`it contains the checkpoint 22:${head(f.db.$client).hash}`);
      const h = head(f.db.$client);
      fs.rmSync(cp);
      const expected = cli(f.file, "--expect", `${h.id}:${h.hash}`);
      expect(expected.status, expected.stderr).toBe(0);
      const none = cli(f.file);
      expect(none.status).toBe(1);
      // The CLI's own problem (no checkpoint beside the database), worded with the file and what to do.
      const noCheckpoint = chainProblemOperatorMessage({ code: "no_checkpoint", file: cp }, "en");
      expect(none.stderr).toContain(`  - ${noCheckpoint}`);
      expect(noCheckpoint).toBe(
        `There is no checkpoint outside the database to compare the log with. Checkpoint file: ${cp}. Without it, entries deleted from the end of the log or rewritten would go unseen. Give the head you copied with --expect <id>:<sha256>, or --no-checkpoint to check the chain alone.`,
      );
      expect(chainProblemOperatorMessage({ code: "no_checkpoint", file: cp }, "zh")).toContain("数据库之外没有可供比对的检查点。");
      expect(cli(f.file, "--no-checkpoint").status).toBe(0);
      expect(cli(f.file, "--expect", "22:nothex").status).toBe(2);
    } finally {
      f.close();
    }
  }, 120_000);

  for (const [what, t] of Object.entries(tamper))
    for (const mode of ["checkpoint", "--expect"] as const)
      it(`exits 1 for ${what}, against the ${mode === "checkpoint" ? "checkpoint" : "head given with --expect"}`, () => {
        const f = freshDb();
        try {
          const db = f.db.$client;
          const h = head(db);
          if (mode === "--expect") fs.rmSync(checkpointPath(f.file)!);
          t.run(db);
          const r = mode === "--expect" ? cli(f.file, "--expect", `${h.id}:${h.hash}`) : cli(f.file);
          expect(r.status, r.stdout).toBe(1);
          // The check's result: the problem as a code with its parameters.
          const problem = checkRegister(db, { anchors: [{ source: mode === "checkpoint" ? "checkpoint" : "expected", head: h }] }).problems.find((p) => p.code === t.code);
          expect(problem, `${t.code} in the result`).toBeDefined();
          // The CLI prints it worded, in English; /log words the same code in Chinese.
          const en = chainProblemOperatorMessage(problem!, "en");
          expect(en).toMatch(t.says);
          expect(r.stderr).toContain(`  - ${en}`);
          expect(chainProblemOperatorMessage(problem!, "zh")).toMatch(t.zh);
        } finally {
          f.close();
        }
      }, 60_000);
});

describe("the checkpoint beside the database", () => {
  const getDb = useFreshDb();
  it("follows every append once its transaction has committed, and never moves back", async () => {
    const db = getDb();
    const cp = checkpointPath(db.$client.name)!;
    const copy = structuredClone(seedRecord("lucheng-smart-door-sensors"));
    copy.identity.summary = { zh: "更新后的摘要。", en: "An updated summary." };
    publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
    await tick();
    expect(readCheckpoint(cp)).toEqual({ state: "ok", head: head(db.$client) });
    expect(head(db.$client).id).toBe(23);
    // A checkpoint ahead of the database (say, written by another process) is left alone.
    fs.writeFileSync(cp, `40:${"a".repeat(64)}\n`);
    expect(writeCheckpoint(db)).toBe("unchanged");
    expect(fs.readFileSync(cp, "utf8")).toBe(`40:${"a".repeat(64)}\n`);
  });

  it("keeps the evidence when the chain it names was rewritten: later appends do not move it", async () => {
    const db = getDb();
    const cp = checkpointPath(db.$client.name)!;
    const before = readCheckpoint(cp);
    rewriteChain(db.$client, 10, (e) => (e.actor = "someone-else"));
    const copy = structuredClone(seedRecord("lucheng-smart-door-sensors"));
    copy.identity.summary = { zh: "更新后的摘要。", en: "An updated summary." };
    publishRevision(copy, { at: "2026-02-01T00:00:00.000Z" });
    await tick();
    expect(readCheckpoint(cp)).toEqual(before);
    expect(runChainCheck(db).problems).toEqual([expect.objectContaining({ code: "anchor_mismatch", source: "checkpoint", event: 22 })]);
  });

  it("is written atomically by processes racing on one database, and only moves forward", () => {
    const f = freshDb();
    try {
      const script = `
        import { openDatabase } from ${JSON.stringify(path.resolve("db/client.server.ts"))};
        import { appendEvent } from ${JSON.stringify(path.resolve("registry/log/log.server.ts"))};
        import { writeCheckpoint, readCheckpoint, checkpointPath } from ${JSON.stringify(path.resolve("registry/log/anchor.server.ts"))};
        const db = openDatabase(process.env.DATABASE_PATH);
        const seen = [];
        for (let i = 0; i < 30; i++) {
          db.$client.transaction(() => appendEvent({ kind: "report_resolved", toolId: null, actor: "system", at: new Date().toISOString(), payload: { n: i } }, db)).immediate();
          writeCheckpoint(db);
          const cp = readCheckpoint(checkpointPath(db.$client.name));
          seen.push(cp.state === "ok" ? cp.head.id : -1);
        }
        console.log(JSON.stringify(seen));`;
      const file = path.resolve(`test/.tmp/race-${process.pid}.ts`);
      fs.writeFileSync(file, script);
      // Four processes at once.
      const run = spawnSync("bash", ["-c", `for i in 1 2 3 4; do node node_modules/tsx/dist/cli.mjs ${file} & done; wait`], { env: { ...process.env, DATABASE_PATH: f.file }, encoding: "utf8" });
      fs.rmSync(file);
      const seen = run.stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as number[]);
      expect(seen, run.stderr).toHaveLength(4);
      // Each sees the checkpoint only grow, and it ends at the last event.
      for (const s of seen) expect(s).toEqual([...s].sort((a, b) => a - b));
      expect(readCheckpoint(checkpointPath(f.file)!)).toEqual({ state: "ok", head: head(f.db.$client) });
      expect(head(f.db.$client).id).toBe(22 + 4 * 30);
    } finally {
      f.close();
    }
  }, 180_000);
});

describe("a review status changes only with its logged event", () => {
  const getDb = useFreshDb();
  it("refuses UPDATE revisions SET status on a submitted revision, as on the rejected ALG-000009", () => {
    const db = getDb().$client;
    expect(() => db.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run()).toThrow(/logged event/);
    // Not even right after an unrelated event of the same tool.
    db.transaction(() => {
      db.prepare(
        `INSERT INTO events (id, at, kind, tool_id, actor, payload, prev_hash, hash) SELECT max(id) + 1, 'x', 'withdrawn', '${HEALTH_INDEX}', 'x', '{"revision":1}', 'x', 'x' FROM events`,
      ).run();
      expect(() => db.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run()).toThrow(/logged event/);
    })();
  });

  it("lets the workflow through, and a register used through the whole workflow checks out", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    const reviewer = actorByEmail("reviewer.samr@register.example");
    const reviewer2 = actorByEmail("reviewer.zhejiang@register.example");
    const D0 = new Date("2026-03-01T09:00:00Z");
    const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);
    const draft = async (slug: string, level: "III" | "IV") => {
      const { toolId } = await createDraft(ctxOf({ actor: official, now: D0 }), { identity: newIdentity(slug) });
      for (const [n, v] of Object.entries(completeSections({ level, sunset: level === "III" ? "2027-02-01" : "2026-08-01" }))) await saveDraftSection(ctxOf({ actor: official }), { toolId, section: n as SectionName, value: v });
      await submitDraft(ctxOf({ actor: official, now: D0 }), { toolId });
      return toolId;
    };
    const findAll = async (actor: Actor, toolId: string) => {
      for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor, now: day(31) }), { toolId, finding: { criterion, rating: "met" } });
    };
    const respond = (toolId: string) => postConsultationResponse(ctxOf({ actor: official, now: day(30) }), { toolId, raised: { en: "Retention." }, changed: { en: "Shorter." } });

    const a = await draft("tool-a", "III");
    await startReview(ctxOf({ actor: reviewer, now: day(1) }), { toolId: a });
    await respond(a);
    await findAll(reviewer, a);
    expect(await decide(ctxOf({ actor: reviewer, now: day(31) }), { toolId: a, decision: "approve", summary: { en: "Fine." } })).toMatchObject({ status: "approved" });
    await recordFact(ctxOf({ actor: official, now: day(32) }), { toolId: a, appealStat: { period: "2026-Q1", filed: 4, corrected: 1 } });
    await retireTool(ctxOf({ actor: official, now: day(33) }), { toolId: a, reason: { en: "Replaced." } });

    const b = await draft("tool-b", "III");
    await withdraw(ctxOf({ actor: official, now: day(1) }), { toolId: b });
    await startRevision(ctxOf({ actor: official, now: day(2) }), { toolId: b, action: "revise" });
    await submitDraft(ctxOf({ actor: official, now: day(2) }), { toolId: b });
    await startReview(ctxOf({ actor: reviewer, now: day(3) }), { toolId: b });
    await postConsultationResponse(ctxOf({ actor: official, now: day(33) }), { toolId: b, raised: { en: "Retention." }, changed: { en: "Shorter." } });
    for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor: reviewer, now: day(33) }), { toolId: b, finding: { criterion, rating: "met" } });
    expect(await decide(ctxOf({ actor: reviewer, now: day(33) }), { toolId: b, decision: "request_changes", summary: { en: "More detail." } })).toMatchObject({ status: "changes_requested" });

    const c = await draft("tool-c", "IV");
    await startReview(ctxOf({ actor: reviewer, now: day(1) }), { toolId: c });
    await startReview(ctxOf({ actor: reviewer2, now: day(1) }), { toolId: c });
    await respond(c);
    await findAll(reviewer, c);
    await findAll(reviewer2, c);
    expect(await decide(ctxOf({ actor: reviewer, now: day(31) }), { toolId: c, decision: "approve", summary: { en: "Fine." } })).toMatchObject({ effective: false });
    expect(await decide(ctxOf({ actor: reviewer2, now: day(31) }), { toolId: c, decision: "reject", summary: { en: "No." } })).toMatchObject({ status: "rejected" });

    const result = runChainCheck();
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe("the head and the latest check leave the database", () => {
  const getDb = useFreshDb();
  it("in every /log.json page, every API answer on events and every changes feed", async () => {
    const h = head(getDb().$client);
    const json = (await (await callLoader<Response>(logJsonLoader, "/log.json?page=1")).json()) as { head: unknown };
    expect(json.head).toEqual(h);
    const { body } = await getJson<{ head: unknown; verification: unknown }>("/api/v1/events?limit=1");
    expect(body.head).toEqual(h);
    expect(body.verification).toBeNull();
    const feed = await (await callLoader<Response>(changesFeedLoader, "/changes.atom")).text();
    expect(feed).toContain(`<subtitle>`);
    expect(feed).toContain(h.hash);
    expect(parseHead(`${h.id}:${h.hash}`)).toEqual(h);
  });

  it("reports a forged status through the API and /log.json once the check has run, with its time", async () => {
    const db = getDb().$client;
    runChainCheck(getDb(), new Date("2026-03-01T08:00:00.000Z"));
    expect(lastChainCheck()).toMatchObject({ ok: true, checkedAt: "2026-03-01T08:00:00.000Z" });
    db.exec(`DROP TRIGGER revisions_status_guard`);
    db.prepare(`UPDATE revisions SET status = 'approved' WHERE tool_seq = (SELECT seq FROM tools WHERE id = '${HEALTH_INDEX}')`).run();
    db.prepare(`UPDATE tools SET review_status = 'approved' WHERE id = '${HEALTH_INDEX}'`).run();
    runChainCheck(getDb(), new Date("2026-03-01T08:01:00.000Z"));
    const { body } = await getJson<{ verification: { ok: boolean; checkedAt: string; problems: { code: string }[] } }>("/api/v1/events?limit=1");
    expect(body.verification).toMatchObject({ ok: false, checkedAt: "2026-03-01T08:01:00.000Z" });
    expect(body.verification.problems.map((p) => p.code)).toEqual(["status_mismatch", "projection_status_mismatch"]);
    // As documented: the answer, problems included, matches the OpenAPI document's schema.
    expect(schemaValidator(openApiDocument(ORIGIN) as unknown as OpenApiDoc).errors({ $ref: "#/components/schemas/EventList" }, body)).toEqual([]);
    const json = (await (await callLoader<Response>(logJsonLoader, "/log.json")).json()) as { verification: { ok: boolean } };
    expect(json.verification.ok).toBe(false);
    expect(checkRegister(db).ok).toBe(false);
  });
});
