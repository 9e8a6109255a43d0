// The rows of "check your answers": leaves of the record in the standard's order, nothing empty,
// nothing the workflow sets and no internal key (registry/standard/field-values.ts).
import { describe, expect, it } from "vitest";
import { answerRows } from "~/components/check-answers";
import { sectionNode } from "../../registry/standard/schema-form";
import { completeSections } from "../helpers/factories";

describe("check answers rows", () => {
  it("lists each answer of a section once, by path, leaving out empty and internal fields", () => {
    const s = completeSections({ level: "III", sunset: "2027-01-01" });
    const identity = { id: "ALG-000001", slug: "parking", name: { zh: "停车" }, originalLanguage: "zh", kind: "algorithm", summary: { zh: "排序" } };
    expect(answerRows("identity", sectionNode("identity"), identity).map((r) => r.path)).toEqual(["identity.name", "identity.kind", "identity.summary"]);
    const responsibility = answerRows("responsibility", sectionNode("responsibility"), s.responsibility).map((r) => r.path);
    expect(responsibility).toEqual(["responsibility.agencies.0.agency", "responsibility.agencies.0.role", "responsibility.contactOffice.name", "responsibility.contactOffice.channel"]);
    expect(answerRows("sources", sectionNode("sources"), s.sources).map((r) => r.path)).toEqual(["sources.0.kind", "sources.0.title"]);
    expect(answerRows("lifecycle", sectionNode("lifecycle"), s.lifecycle).map((r) => r.path)).toEqual(["lifecycle.deploymentStatus", "lifecycle.sunsetDate"]);
    expect(answerRows("incidents", sectionNode("incidents"), [])).toEqual([]);
    const impact = answerRows("assessments", sectionNode("assessments"), s.assessments);
    expect(impact.find((r) => r.path === "assessments.impact.reversible")).toEqual({ path: "assessments.impact.reversible", kind: "boolean", value: true });
  });
});
