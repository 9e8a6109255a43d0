import { spawnSync } from "node:child_process";
// Times of day for people: in the register's time zone and labelled with it (app/i18n/time.ts);
// who acted: a role and an agency's name, never the stored slug (app/components/actor.tsx).
import { describe, expect, it } from "vitest";
import { formatDateTime, registerDay, timeZoneLabel } from "../../app/i18n/time";
import { formatDate } from "../../app/i18n/use-lang";
import { actorLabel } from "../../app/components/actor";

describe("formatDateTime", () => {
  it("shows a UTC timestamp in Beijing time, labelled, in both languages", () => {
    expect(formatDateTime("2026-11-28T03:54:12.000Z", "zh")).toBe("2026年11月28日 11:54 北京时间");
    expect(formatDateTime("2026-11-28T03:54:12.000Z", "en")).toBe("28 Nov 2026, 11:54 Beijing time");
    expect(formatDateTime("2026-11-28T03:54:12Z", "zh", { seconds: true })).toBe("2026年11月28日 11:54:12 北京时间");
  });

  it("moves to the next day when Beijing has passed midnight", () => {
    expect(formatDateTime("2026-11-28T17:30:00Z", "en")).toBe("29 Nov 2026, 01:30 Beijing time");
    expect(registerDay("2026-11-28T17:30:00Z")).toBe("2026-11-29");
    expect(formatDate("2026-11-28T17:30:00Z", "zh")).toBe("2026年11月29日");
    // A plain date is a calendar date, not moved.
    expect(formatDate("2026-11-28", "zh")).toBe("2026年11月28日");
  });

  it("names another zone by its IANA name", () => {
    expect(formatDateTime("2026-06-01T10:00:00Z", "en", { timeZone: "Europe/Amsterdam" })).toBe("1 Jun 2026, 12:00 Europe/Amsterdam");
    expect(timeZoneLabel("zh", "Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(timeZoneLabel("zh")).toBe("北京时间");
  });
});

describe("actorLabel", () => {
  const agencies = { "shanghai-municipal-government": { zh: "上海市人民政府", en: "Shanghai Municipal People's Government" } };
  it("shows a role with the agency's name, never the slug", () => {
    expect(actorLabel("reviewer@shanghai-municipal-government", agencies, "zh")).toBe("上海市人民政府审查员");
    expect(actorLabel("official@shanghai-municipal-government", agencies, "en")).toBe("Official, Shanghai Municipal People's Government");
    expect(actorLabel("official@unknown-agency", agencies, "en")).toBe("Official");
  });
  it("translates the register's own actors", () => {
    expect(actorLabel("editors", agencies, "zh")).toBe("登记簿编辑");
    expect(actorLabel("register", agencies, "en")).toBe("The register");
  });
});

describe("REGISTER_TIME_ZONE", () => {
  // A module-level setting: each case runs in its own process with the variable set.
  const zoneIn = (env: Record<string, string>) =>
    spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "-e", 'import("./registry/lifecycle/sunset.ts").then((m) => console.log(m.REGISTER_TIME_ZONE, m.todayIso(new Date("2026-06-30T20:00:00Z"))))'], {
      env: { ...process.env, ...env },
      encoding: "utf8",
    });
  it("defaults to Asia/Shanghai and follows the environment", { timeout: 30_000 }, () => {
    expect(zoneIn({ REGISTER_TIME_ZONE: "" }).stdout.trim()).toBe("Asia/Shanghai 2026-07-01");
    expect(zoneIn({ REGISTER_TIME_ZONE: "Europe/Amsterdam" }).stdout.trim()).toBe("Europe/Amsterdam 2026-06-30");
  });
  it("refuses a zone that does not exist, naming it", { timeout: 30_000 }, () => {
    const r = zoneIn({ REGISTER_TIME_ZONE: "Mars/Olympus" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('REGISTER_TIME_ZONE="Mars/Olympus" is not a time zone');
  });
});
