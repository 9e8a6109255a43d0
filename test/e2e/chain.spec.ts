// /log reports a broken chain within 60 seconds of register time (issue 10, finding 8a): an event
// row edited with its trigger dropped, by someone with the database file, is found by the
// server's own check, not only by `npm run verify-log`.
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { test, expect, type Page } from "@playwright/test";
import { expectNoSeriousAxeViolations } from "./axe";
import { formatDateTime } from "../../app/i18n/time";

// The server under test reads its clock from this file and serves this database (test/e2e/serve.sh).
const PORT = Number(process.env.E2E_PORT ?? 3210);
const CLOCK = path.resolve(`test/.tmp/e2e-${PORT}.clock`);
const DATABASE = path.resolve(`test/.tmp/e2e-${PORT}.sqlite`);
const setClock = (d: Date) => fs.writeFileSync(CLOCK, d.toISOString());
/** As /log writes a check's time: in the register's time zone, labelled (北京时间). */
const shown = (d: Date) => formatDateTime(d.toISOString(), "zh", { seconds: true });

function withDb<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(DATABASE);
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

/** The text of a freshly loaded /log, where the latest check is reported. */
async function checkReport(page: Page): Promise<string> {
  await page.goto("/log");
  return (await page.locator("main").textContent()) ?? "";
}

test.afterAll(() => fs.rmSync(CLOCK, { force: true }));

test("an event row edited with its trigger dropped is reported on /log within 60 s of register time", async ({ page }) => {
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  setClock(t0);
  // The check the server ran when it started: intact, with its time.
  await expect.poll(() => checkReport(page), { timeout: 20_000 }).toContain("链条完整");

  const original = withDb((db) => {
    const row = db.prepare(`SELECT actor FROM events WHERE id = 5`).get() as { actor: string };
    db.exec(`DROP TRIGGER events_no_update`);
    db.prepare(`UPDATE events SET actor = 'someone-else' WHERE id = 5`).run();
    return row.actor;
  });
  try {
    const t1 = new Date(t0.getTime() + 61_000);
    setClock(t1);
    // A few seconds of real time for a worker's next look at the clock.
    await expect.poll(() => checkReport(page), { timeout: 15_000 }).toContain(`核验时间 ${shown(t1)}：登记簿与其日志不符`);
    const alert = page.locator("main [role=alert]");
    await expect(alert).toContainText("第 5 条记录未与前一条相接：内容与哈希值不符");
    await expectNoSeriousAxeViolations(page);
    // The JSON says the same.
    const json = (await (await page.request.get("/log.json")).json()) as { verification: { ok: boolean; checkedAt: string; problems: { code: string; event: number }[] } };
    expect(json.verification).toMatchObject({ ok: false, checkedAt: t1.toISOString(), problems: [{ code: "chain_broken", event: 5 }] });
  } finally {
    // Put the row and its trigger back for the specs that follow, and let the server see it.
    withDb((db) => {
      db.prepare(`UPDATE events SET actor = ? WHERE id = 5`).run(original);
      db.exec(`CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END;`);
    });
    const t2 = new Date(t0.getTime() + 122_000);
    setClock(t2);
    await expect.poll(() => checkReport(page), { timeout: 15_000 }).toContain(`核验时间 ${shown(t2)}：链条完整`);
  }
});
