import { describe, expect, it } from "vitest";
import { addDays, DUE_SOON_DAYS, sunsetState, todayIso } from "../../registry/lifecycle/sunset";

const inUse = (sunsetDate: string | null) => ({ deploymentStatus: "in_use", reviewStatus: "approved", sunsetDate });
const today = "2026-11-22";

describe("sunsetState at the boundaries", () => {
  it("is lapsed from the day after the sunset date, not on it", () => {
    expect(sunsetState(inUse("2026-11-21"), today)).toBe("lapsed");
    expect(sunsetState(inUse("2026-11-22"), today)).toBe("due_soon");
  });
  it("is due soon up to and including 60 days ahead, ok from day 61", () => {
    expect(sunsetState(inUse(addDays(today, DUE_SOON_DAYS)), today)).toBe("due_soon");
    expect(sunsetState(inUse(addDays(today, DUE_SOON_DAYS + 1)), today)).toBe("ok");
    expect(addDays(today, 60)).toBe("2027-01-21");
  });
  it("counts across a leap day", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(sunsetState(inUse("2028-02-29"), "2028-03-01")).toBe("lapsed");
  });
  it("has no sunset when none was set", () => {
    expect(sunsetState(inUse(null), today)).toBe("no_sunset");
  });
  it("is retired for a retired tool whatever its dates", () => {
    expect(sunsetState({ deploymentStatus: "retired", reviewStatus: "unreviewed", sunsetDate: "2020-01-01" }, today)).toBe("retired");
  });
  it("does not apply to a rejected proposal that never ran", () => {
    expect(sunsetState({ deploymentStatus: "proposed", reviewStatus: "rejected", sunsetDate: null }, today)).toBe("not_applicable");
    expect(sunsetState({ deploymentStatus: "proposed", reviewStatus: "submitted", sunsetDate: null }, today)).toBe("no_sunset");
  });
});

describe("todayIso", () => {
  it("uses the register's time zone (UTC+8)", () => {
    expect(todayIso(new Date("2026-11-21T16:30:00Z"))).toBe("2026-11-22");
    expect(todayIso(new Date("2026-11-21T15:30:00Z"))).toBe("2026-11-21");
  });
});
