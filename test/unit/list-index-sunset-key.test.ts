// The list index holds sunset dates as numbers (dayKey), not strings (issue 17: memory at a
// million tools), and works the sunset state out through stand-in dates: both must agree with
// the text the database sorts and with sunsetState itself, on every side of every boundary.
import { describe, expect, it } from "vitest";
import { dayKey, NO_DATE, sunsetCode, type ListIndex } from "../../registry/records/list-index-columns.server";
import { FACETS } from "../../registry/records/query";
import { addDays, DUE_SOON_DAYS, sunsetState, SUNSET_STATES } from "../../registry/lifecycle/sunset";

const DATES = ["1999-12-31", "2025-02-28", "2026-05-31", "2026-06-01", "2026-06-02", "2026-07-30", "2026-07-31", "2026-08-01", "2026-12-31", "2027-01-01", "9999-12-31"];

describe("sunset dates as day keys", () => {
  it("order as the text does, with no date last", () => {
    const sorted = [...DATES].sort();
    expect([...DATES].sort((a, b) => dayKey(a) - dayKey(b))).toEqual(sorted);
    for (const d of DATES) expect(dayKey(d)).toBeLessThan(dayKey(null));
    expect(dayKey(null)).toBe(NO_DATE);
  });

  it("give each tool the state sunsetState gives its text, for every status, review, regime and day", () => {
    const one = (status: number, review: number, regime: number, date: string | null) =>
      ({
        bytes: { status: Uint8Array.of(status), review: Uint8Array.of(review), regime: Uint8Array.of(regime) },
        sunsetDate: Int32Array.of(dayKey(date)),
      }) as unknown as ListIndex;
    const thisRegister = FACETS.regime.indexOf("this_register");
    let checked = 0;
    for (const today of ["2026-06-01", "2026-05-31", "2026-12-31"]) {
      const dueBy = addDays(today, DUE_SOON_DAYS);
      for (const date of [...DATES, today, dueBy, addDays(dueBy, 1), addDays(today, -1), null]) {
        for (let s = 0; s < FACETS.status.length; s++) {
          for (let r = 0; r < FACETS.review.length; r++) {
            for (const g of [thisRegister, thisRegister === 0 ? 1 : 0]) {
              const expected = sunsetState({ deploymentStatus: FACETS.status[s]!, reviewStatus: FACETS.review[r]!, sunsetDate: date, mirrored: g !== thisRegister }, today, dueBy);
              expect(SUNSET_STATES[sunsetCode(one(s, r, g, date), 0, today, dueBy)], `${date} on ${today}`).toBe(expected);
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});
