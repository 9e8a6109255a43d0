import { describe, expect, it } from "vitest";
import { computeImpactLevel } from "../../registry/standard/impact";
import type { ImpactAnswers } from "../../registry/standard/v1";

const lowest: ImpactAnswers = {
  peopleAffected: "under_1k",
  dataSensitivity: "none",
  automation: "informs",
  consequence: "minor",
  reversible: true,
  mandatory: false,
  vulnerableGroups: false,
  mitigations: [],
};
const highest: ImpactAnswers = {
  peopleAffected: "over_1m",
  dataSensitivity: "sensitive_at_scale",
  automation: "decides_alone",
  consequence: "severe",
  reversible: false,
  mandatory: true,
  vulnerableGroups: true,
  mitigations: [],
};

describe("computeImpactLevel", () => {
  it("scores the extremes", () => {
    expect(computeImpactLevel(lowest)).toMatchObject({ level: "I", rawScore: 0, netScore: 0 });
    expect(computeImpactLevel(highest)).toMatchObject({ level: "IV", rawScore: 17, netScore: 17 });
  });
  it("switches level exactly at each threshold", () => {
    // 4 -> I, 5 -> II, 8 -> II, 9 -> III, 12 -> III, 13 -> IV
    const at = (a: Partial<ImpactAnswers>) => computeImpactLevel({ ...lowest, ...a });
    expect(at({ peopleAffected: "over_1m", automation: "recommends" }).netScore).toBe(4);
    expect(at({ peopleAffected: "over_1m", automation: "recommends" }).level).toBe("I");
    expect(at({ peopleAffected: "over_1m", automation: "decides_with_review" }).level).toBe("II");
    expect(at({ peopleAffected: "over_1m", automation: "decides_alone", consequence: "moderate", vulnerableGroups: true }).netScore).toBe(8);
    expect(at({ peopleAffected: "over_1m", automation: "decides_alone", consequence: "moderate", vulnerableGroups: true }).level).toBe("II");
    expect(at({ peopleAffected: "over_1m", automation: "decides_alone", consequence: "serious", vulnerableGroups: true }).level).toBe("III");
    expect(computeImpactLevel({ ...highest, dataSensitivity: "none", consequence: "moderate" }).netScore).toBe(12);
    expect(computeImpactLevel({ ...highest, dataSensitivity: "none", consequence: "moderate" }).level).toBe("III");
    expect(computeImpactLevel({ ...highest, dataSensitivity: "personal", consequence: "moderate" }).level).toBe("IV");
  });
  it("lets mitigations lower the level, each counted once, never below zero", () => {
    const mitigated = computeImpactLevel({ ...highest, mitigations: ["human_review", "appeal_route", "non_digital_alternative", "human_review"] });
    expect(mitigated).toMatchObject({ rawScore: 17, mitigationCredit: 4, netScore: 13, level: "IV" });
    const more = computeImpactLevel({ ...highest, mitigations: ["human_review", "appeal_route", "non_digital_alternative", "data_minimisation", "published_code"] });
    expect(more).toMatchObject({ netScore: 11, level: "III" });
    expect(computeImpactLevel({ ...lowest, mitigations: ["published_code"] }).netScore).toBe(0);
  });
  it("attaches the obligations of the level", () => {
    expect(computeImpactLevel(highest).obligations).toMatchObject({ consultationDays: 30, maxSunsetMonths: 6, reviewersRequired: 2, nonDigitalAlternativeRequired: true });
    expect(computeImpactLevel(lowest).obligations).toMatchObject({ consultationDays: 0, reviewersRequired: 1, humanOverrideRequired: false });
  });
});
