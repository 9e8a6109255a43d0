// Impact assessment: the questionnaire's scoring table and the obligations each level
// triggers. Kept in one module so the table is documented, tested and shown on the record
// exactly as computed.
import type { ImpactAnswers, ImpactLevel } from "./v1";

export const IMPACT_SCORES = {
  peopleAffected: { under_1k: 0, under_100k: 1, under_1m: 2, over_1m: 3 },
  dataSensitivity: { none: 0, personal: 1, sensitive: 2, sensitive_at_scale: 3 },
  automation: { informs: 0, recommends: 1, decides_with_review: 2, decides_alone: 3 },
  consequence: { minor: 0, moderate: 1, serious: 2, severe: 3 },
  irreversible: 2,
  mandatory: 2,
  vulnerableGroups: 1,
} as const;

export const MITIGATION_CREDITS = {
  human_review: 2,
  appeal_route: 1,
  non_digital_alternative: 1,
  data_minimisation: 1,
  published_code: 1,
} as const;

/** Lower bound of the net score for each level. */
export const LEVEL_THRESHOLDS: ReadonlyArray<readonly [ImpactLevel, number]> = [
  ["IV", 13],
  ["III", 9],
  ["II", 5],
  ["I", 0],
];

export type ImpactObligations = {
  consultationDays: number;
  maxSunsetMonths: number;
  reviewersRequired: number;
  nonDigitalAlternativeRequired: boolean;
  humanOverrideRequired: boolean;
};

export const OBLIGATIONS: Record<ImpactLevel, ImpactObligations> = {
  I: { consultationDays: 0, maxSunsetMonths: 36, reviewersRequired: 1, nonDigitalAlternativeRequired: false, humanOverrideRequired: false },
  II: { consultationDays: 0, maxSunsetMonths: 24, reviewersRequired: 1, nonDigitalAlternativeRequired: false, humanOverrideRequired: false },
  III: { consultationDays: 30, maxSunsetMonths: 12, reviewersRequired: 1, nonDigitalAlternativeRequired: true, humanOverrideRequired: true },
  IV: { consultationDays: 30, maxSunsetMonths: 6, reviewersRequired: 2, nonDigitalAlternativeRequired: true, humanOverrideRequired: true },
};

export type ImpactResult = {
  level: ImpactLevel;
  rawScore: number;
  mitigationCredit: number;
  netScore: number;
  parts: { factor: string; points: number }[];
  obligations: ImpactObligations;
};

export function computeImpactLevel(a: ImpactAnswers): ImpactResult {
  const parts: { factor: string; points: number }[] = [
    { factor: "peopleAffected", points: IMPACT_SCORES.peopleAffected[a.peopleAffected] },
    { factor: "dataSensitivity", points: IMPACT_SCORES.dataSensitivity[a.dataSensitivity] },
    { factor: "automation", points: IMPACT_SCORES.automation[a.automation] },
    { factor: "consequence", points: IMPACT_SCORES.consequence[a.consequence] },
    { factor: "irreversible", points: a.reversible ? 0 : IMPACT_SCORES.irreversible },
    { factor: "mandatory", points: a.mandatory ? IMPACT_SCORES.mandatory : 0 },
    { factor: "vulnerableGroups", points: a.vulnerableGroups ? IMPACT_SCORES.vulnerableGroups : 0 },
  ];
  const rawScore = parts.reduce((s, p) => s + p.points, 0);
  const mitigationCredit = [...new Set(a.mitigations)].reduce((s, m) => s + MITIGATION_CREDITS[m], 0);
  const netScore = Math.max(0, rawScore - mitigationCredit);
  const level = LEVEL_THRESHOLDS.find(([, min]) => netScore >= min)![0];
  return { level, rawScore, mitigationCredit, netScore, parts, obligations: OBLIGATIONS[level] };
}
