import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createDraft, getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { recordFact } from "../../registry/lifecycle/facts.server";
import { startRevision, submitDraft, withdraw } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import type { RegistryError } from "../../registry/shared/errors";
import { worded } from "./worded";
import { getToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { listIncidents } from "../../registry/lifecycle/incidents.server";
import { listEvents, verifyLog } from "../../registry/log/log.server";
import { getToolHistory } from "../../registry/records/history.server";

useFreshDb();
const D0 = new Date("2026-03-01T09:00:00Z");
const official = () => actorByEmail("official.shanghai@register.example");
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const incident = { kind: "outage", date: "2026-03-10", title: { en: "Permit system down for a day" }, description: { en: "The ranking service failed." }, peopleAffected: 1200, regulatorNotified: false, sources: ["proposal"] };

async function submitted(): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity() });
  for (const [n, v] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" }))) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: n as SectionName, value: v });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  return toolId;
}
const found = async (id: string) => {
  const d = await getToolDetail(ctxOf(), { idOrSlug: id });
  if (!d || !("found" in d)) throw new Error("no record");
  return d.found;
};

describe("facts recorded on a public record", () => {
  it("adds an incident as a new public revision with the same review status, listed in /incidents and the log", async () => {
    const id = await submitted();
    expect(await recordFact(ctxOf({ actor: reviewer(), now: new Date("2026-03-11T00:00:00Z") }), { toolId: id, incident })).toEqual({ revision: 2 });
    const f = await found(id);
    expect(f.revision).toMatchObject({ number: 2, status: "submitted" });
    expect(f.record.incidents).toEqual([expect.objectContaining({ title: { en: "Permit system down for a day" }, peopleAffected: 1200 })]);
    expect((await listIncidents(ctxOf(), { kind: "outage", page: 1 })).items.map((i) => i.toolId)).toContain(id);
    expect((await listEvents(ctxOf())).events.at(-1)).toMatchObject({ kind: "incident_recorded", actor: "reviewer@samr" });
    expect((await getToolHistory(ctxOf(), { toolId: id }))!.comparison!.changes.map((c) => c.path)).toContain("incidents.0.title.en");
    expect(verifyLog().ok).toBe(true);
  });

  it("publishes appeal statistics once per period and draws them on the record", async () => {
    const id = await submitted();
    await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, appealStat: { period: "2026-Q1", filed: 40, corrected: 9, medianDays: 12 } });
    await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, appealStat: { period: "2026-Q2", filed: 25, corrected: 4 } });
    expect((await found(id)).record.oversight.appealStats.map((s) => s.period)).toEqual(["2026-Q1", "2026-Q2"]);
    const dup = await (async () => {
      try {
        await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, appealStat: { period: "2026-Q1", filed: 1, corrected: 0 } });
      } catch (e) {
        return e as RegistryError;
      }
    })();
    expect(dup?.fields).toMatchObject({ "appealStat.period": ["err_appeal_period_published"] });
    expect(worded(dup!, "appealStat.period", "en")).toContain("2026-Q1 are already published");
    expect(worded(dup!, "appealStat.period", "zh")).toContain("2026-Q1 的统计已发布");
    await expect(recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, appealStat: { period: "2026-Q3", filed: 1, corrected: 5 } })).rejects.toThrow(/appealStat\.corrected err_corrected_exceeds_filed/);
    expect((await listEvents(ctxOf())).events.at(-1)).toMatchObject({ kind: "appeal_stats_published" });
  });

  it("keeps an open draft after the new public revision, carrying the same fact", async () => {
    const id = await submitted();
    // Withdrawn, then a new draft (revision 2) is open.
    await withdraw(ctxOf({ actor: official(), now: D0 }), { toolId: id });
    await startRevision(ctxOf({ actor: official(), now: D0 }), { toolId: id, action: "revise" });
    expect((await getDraft(ctxOf({ actor: official() }), { toolId: id })).number).toBe(2);
    await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, incident });
    expect((await found(id)).revision.number).toBe(2);
    const draft = await getDraft(ctxOf({ actor: official() }), { toolId: id });
    expect(draft.number).toBe(3);
    expect(draft.record.incidents).toHaveLength(1);
  });

  it("is refused to admins, the public, other agencies' officials and the own agency's reviewers; appeal statistics to reviewers", async () => {
    const id = await submitted();
    for (const a of [actorByEmail("admin@register.example"), actorByEmail("official.hangzhou@register.example"), null])
      await expect(recordFact(ctxOf({ actor: a, now: D0 }), { toolId: id, incident })).rejects.toThrow(/forbidden/);
    await expect(recordFact(ctxOf({ actor: reviewer(), now: D0 }), { toolId: id, appealStat: { period: "2026", filed: 1, corrected: 0 } })).rejects.toThrow(/forbidden/);
    expect((await found(id)).revision.number).toBe(1);
  });

  it("validates the incident field by field, including its sources", async () => {
    const id = await submitted();
    const e = await (async () => {
      try {
        await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, incident: { ...incident, kind: "gossip", title: {}, sources: ["nope"] } });
      } catch (x) {
        return x as RegistryError;
      }
    })();
    expect(Object.keys(e!.fields)).toEqual(expect.arrayContaining(["incident.kind", "incident.title"]));
    const unknown = await (async () => {
      try {
        await recordFact(ctxOf({ actor: official(), now: D0 }), { toolId: id, incident: { ...incident, sources: ["nope"] } });
      } catch (x) {
        return x as RegistryError;
      }
    })();
    expect(unknown?.issues).toEqual([{ code: "err_source_unknown", path: "incident.sources", params: { key: "nope" } }]);
    expect(worded(unknown!, "incident.sources", "en")).toContain("names a source this record does not list");
    expect(worded(unknown!, "incident.sources", "zh")).toContain("引用了本记录未列出的来源");
    expect((await found(id)).revision.number).toBe(1);
  });
});
