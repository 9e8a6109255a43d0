import { describe, expect, it } from "vitest";
import { LABELS } from "../../registry/standard/labels";
import * as std from "../../registry/standard/v1";
import { SUNSET_STATES } from "../../registry/lifecycle/sunset";
import { STRINGS } from "../../app/i18n/strings";
import { EVENT_KINDS } from "../../registry/log/log.server";
import { REPORT_KINDS, REPORT_STATUSES } from "../../registry/voice/reports.server";
import { CRITERIA, DECISIONS, RATINGS, SEVERITIES } from "../../registry/review/review-terms";

const groups: [keyof typeof LABELS, readonly string[]][] = [
  ["kind", std.TOOL_KINDS],
  ["jurisdiction", std.JURISDICTION_LEVELS],
  ["policyDomain", std.POLICY_DOMAINS],
  ["agencyRole", std.AGENCY_ROLES],
  ["vendorRole", std.VENDOR_ROLES],
  ["sourceAccess", std.SOURCE_ACCESS],
  ["mandatory", std.MANDATORY_USE],
  ["automation", std.AUTOMATION_LEVELS],
  ["category", std.DATA_CATEGORIES],
  ["status", std.DEPLOYMENT_STATUSES],
  ["review", std.REVIEW_STATUSES],
  ["level", [...std.IMPACT_LEVELS, "none"]],
  ["sunset", SUNSET_STATES],
  ["incident", std.INCIDENT_KINDS],
  ["assessmentKind", std.ASSESSMENT_KINDS],
  ["sourceKind", std.SOURCE_KINDS],
  ["purposeChange", std.PURPOSE_CHANGE_KINDS],
  ["eventKind", EVENT_KINDS],
  ["chainBreak", ["hash_mismatch", "prev_hash_mismatch", "id_gap"]],
  ["criterion", CRITERIA.map(String)],
  ["rating", RATINGS],
  ["severity", SEVERITIES],
  ["decision", DECISIONS],
  ["reportKind", REPORT_KINDS],
  ["reportStatus", REPORT_STATUSES],
  ["register", std.KNOWN_REGISTERS],
  ["classificationScheme", std.CLASSIFICATION_SCHEMES],
  ["progress", std.PROGRESS_STATUSES],
  ["procurementMode", std.PROCUREMENT_MODES],
  ["datasetPhase", std.DATASET_PHASES],
  ["regime", std.REGIMES],
];

describe("labels", () => {
  it.each(groups)("every %s value has a Chinese and an English label", (group, values) => {
    for (const v of values) {
      const l = (LABELS[group] as Record<string, { zh: string; en: string }>)[v];
      expect(l, `${group}.${v}`).toBeDefined();
      expect(l!.zh.length).toBeGreaterThan(0);
      expect(l!.en.length).toBeGreaterThan(0);
    }
  });
  it("has every interface string in both languages", () => {
    for (const key of Object.keys(STRINGS.en) as (keyof typeof STRINGS.en)[]) {
      expect(STRINGS.zh[key], key).toMatch(/\S/);
      expect(STRINGS.en[key], key).toMatch(/\S/);
      // Placeholders must match so a translation never drops a number or a date.
      const vars = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join();
      expect(vars(STRINGS.zh[key]), key).toBe(vars(STRINGS.en[key]));
    }
  });
});
