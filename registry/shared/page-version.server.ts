// What a cached public page depends on: the page_version counter (bumped by triggers on every
// public table, from any connection or process; migration 0012) and the register's day, since
// sunset states and consultation windows change at midnight with nothing written.
import { getDb, stmt, type Db } from "./db.server";
import { registerNow } from "./clock.server";
import { REGISTER_TIME_ZONE } from "../lifecycle/sunset";

// One formatter: building an Intl.DateTimeFormat costs more than the whole lookup.
const day = new Intl.DateTimeFormat("en-CA", { timeZone: REGISTER_TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

let lastSecond = -1;
let lastDay = "";

/**
 * A string that changes whenever any public page could change. The server's workers hold it and
 * read it again at most every 5 ms and after each render (server/page-version.mjs), so a cache
 * hit reads nothing from the database.
 */
export function pageCacheVersion(db: Db = getDb()): string {
  const row = stmt(db, `SELECT version FROM page_version WHERE id = 1`).get() as { version: number } | undefined;
  const now = registerNow();
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastSecond) [lastSecond, lastDay] = [second, day.format(now)];
  return `${row?.version ?? 0}.${lastDay}`;
}
