// Issue 10, finding 13: a draft with 5,000 data elements (10.7 MB) was saved and took 17 s to
// submit. The limits of the standard hold where records are saved and submitted, and no revision
// the register holds is invalidated by them.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { ctxOf } from "../../registry/shared/context";
import { RegistryError } from "../../registry/shared/errors";
import { worded } from "./worded";
import { LIST_LIMITS, ToolRecord, fieldErrors } from "../../registry/standard/v1";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const official = () => actorByEmail("official.shanghai@register.example");
const failure = async (fn: () => unknown): Promise<RegistryError> => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof RegistryError) return e;
    throw e;
  }
  throw new Error("expected a RegistryError");
};
const element = (i: number, necessity?: string) => ({ name: { zh: `数据项 ${i}` }, category: "other", sensitive: false, ...(necessity ? { necessity: { zh: necessity } } : {}) });

describe("record limits where records are written", () => {
  it("no revision in the seeded register breaks a limit", () => {
    const rows = getDb().$client.prepare(`SELECT r.record FROM revisions r WHERE r.status <> 'draft'`).all() as { record: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(22);
    for (const { record } of rows) {
      const r = ToolRecord.safeParse(JSON.parse(record));
      expect(r.success ? {} : fieldErrors(r.error)).toEqual({});
    }
  });

  it("refuses to save a section with a list over its limit, or a draft over the size limit", async () => {
    const { toolId } = await createDraft(ctxOf({ actor: official(), now: NOW }), { identity: newIdentity("limits-tool") });
    const sections = completeSections({ level: "III", sunset: "2027-02-01" });
    for (const [n, v] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: n as SectionName, value: v });

    const tooMany = { ...sections.dataScope, elements: Array.from({ length: LIST_LIMITS.dataElements + 1 }, (_, i) => element(i)) };
    const elements = await failure(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "dataScope", value: tooMany }));
    expect(elements.fields["dataScope.elements"]).toEqual(["zod_too_big"]);
    expect(worded(elements, "dataScope.elements", "en")).toContain(`at most ${LIST_LIMITS.dataElements} entries`);
    expect(worded(elements, "dataScope.elements", "zh")).toContain(`最多 ${LIST_LIMITS.dataElements} 项`);
    const tooManySources = Array.from({ length: LIST_LIMITS.sources + 1 }, (_, i) => ({ key: `s-${i}`, kind: "news", title: { en: `Source ${i}` } }));
    const sourcesErr = await failure(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "sources", value: tooManySources }));
    expect(sourcesErr.fields.sources).toEqual(["zod_too_big"]);
    expect(worded(sourcesErr, "sources", "en")).toContain(`at most ${LIST_LIMITS.sources} entries`);
    expect(worded(sourcesErr, "sources", "zh")).toContain(`最多 ${LIST_LIMITS.sources} 项`);

    // Within every list limit, but 40 texts of 20,000 characters make a record of several MB.
    const huge = { ...sections.dataScope, elements: Array.from({ length: 40 }, (_, i) => element(i, "长".repeat(20_000))) };
    const big = await failure(() => saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "dataScope", value: huge }));
    expect(big.fields.dataScope).toEqual(["err_record_too_large"]);
    expect(worded(big, "dataScope", "en")).toMatch(/at most 2 MB/);
    expect(worded(big, "dataScope", "zh")).toContain("最多 2 MB");
    expect((await getDraft(ctxOf({ actor: official() }), { toolId })).record.dataScope).toEqual(expect.objectContaining({ elements: sections.dataScope.elements }));

    // The draft as it stands can still be submitted.
    expect(await submitDraft(ctxOf({ actor: official(), now: NOW }), { toolId })).toMatchObject({ toolId });
  });
});
