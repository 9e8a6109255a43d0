// The page cache's version as a worker holds it (server/page-version.mjs): read from the database
// at most every few milliseconds, at once when marked stale (a sibling wrote) or refreshed (this
// worker rendered, and may have written), never remembered when the read failed.
import { describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PageVersionClock } from "../../server/page-version.mjs";

/** A fake database version and a fake monotonic clock. */
function fixture(maxAgeMs = 5) {
  const state = { version: 1, t: 1000, reads: 0, fail: false };
  const clock = new PageVersionClock({
    read: () => {
      state.reads++;
      if (state.fail) throw new Error("no such table: page_version");
      return `${state.version}.2026-03-01`;
    },
    maxAgeMs,
    now: () => state.t,
  });
  return { state, clock };
}

describe("PageVersionClock", () => {
  it("reads the database once, then only when more than maxAgeMs passed", () => {
    const { state, clock } = fixture();
    expect(clock.current()).toBe("1.2026-03-01");
    state.version = 2;
    for (let i = 0; i < 100; i++) expect(clock.current()).toBe("1.2026-03-01");
    expect(state.reads).toBe(1);
    state.t += 5;
    expect(clock.current()).toBe("1.2026-03-01");
    state.t += 0.01;
    expect(clock.current()).toBe("2.2026-03-01");
    expect(state.reads).toBe(2);
  });

  it("reads at once when marked stale (a sibling's message)", () => {
    const { state, clock } = fixture();
    clock.current();
    state.version = 7;
    clock.stale();
    expect(clock.current()).toBe("7.2026-03-01");
    expect(clock.current()).toBe("7.2026-03-01");
    expect(state.reads).toBe(2);
  });

  it("refresh() reads now and says whether the version moved (the writer tells its siblings)", () => {
    const { state, clock } = fixture();
    clock.current();
    expect(clock.refresh()).toBe(false);
    state.version = 3;
    expect(clock.refresh()).toBe(true);
    // The writer's very next request sees its own change without waiting.
    expect(clock.current()).toBe("3.2026-03-01");
    expect(clock.refresh()).toBe(false);
  });

  it("a failed read is not remembered: it throws to the caller and the next request tries again", () => {
    const { state, clock } = fixture();
    state.fail = true;
    expect(() => clock.current()).toThrow(/page_version/);
    expect(() => clock.current()).toThrow(/page_version/);
    expect(clock.refresh()).toBe(false);
    state.fail = false;
    expect(clock.current()).toBe("1.2026-03-01");
    // Once it worked, a later failure does not leave the old value in place for longer than maxAgeMs.
    state.fail = true;
    expect(clock.current()).toBe("1.2026-03-01");
    state.t += 6;
    expect(() => clock.current()).toThrow();
  });

  it("sees a commit made on another connection (another process) after maxAgeMs, reading nothing in between", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "page-version-clock-"));
    const file = path.join(dir, "v.sqlite");
    const mine = new Database(file);
    const other = new Database(file);
    try {
      mine.pragma("journal_mode = WAL");
      mine.exec(`CREATE TABLE page_version (id integer PRIMARY KEY, version integer NOT NULL); INSERT INTO page_version VALUES (1, 0);`);
      const select = mine.prepare(`SELECT version FROM page_version WHERE id = 1`).pluck();
      let reads = 0;
      let t = 0;
      const clock = new PageVersionClock({ read: () => (reads++, String(select.get())), now: () => t });
      expect(clock.current()).toBe("0");
      other.prepare(`UPDATE page_version SET version = version + 1 WHERE id = 1`).run();
      t = 3;
      expect(clock.current()).toBe("0");
      expect(reads).toBe(1);
      t = 6;
      expect(clock.current()).toBe("1");
      expect(reads).toBe(2);
    } finally {
      mine.close();
      other.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
