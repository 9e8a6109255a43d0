// Issue 13: an agency takes over a record the register's editors registered. Only an official of
// an agency the record names as operating or deciding may; the take-over writes the owner, the
// editors' links as confirmed, a draft copied from the public revision and one event, or nothing;
// the draft then goes through submission and independent review like any other, and the public
// record says who registered it and which agency took it over, when.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections } from "../helpers/factories";
import { DEMO_PASSWORD, seedDatabase, seedId } from "../helpers/seed";
import { RegistryError } from "../../registry/shared/errors";
import { ctxOf } from "../../registry/shared/context";
import { createUser } from "../../registry/auth/accounts.server";
import type { Actor } from "../../registry/auth/roles";
import { claimableTools, takeOver, takeOverOffer } from "../../registry/review/take-over.server";
import { getDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { getOwnerView, listAgencyWork, reviewQueue } from "../../registry/review/queues.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { CRITERIA } from "../../registry/review/review-terms";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { getToolDetail, type ToolDetail } from "../../registry/records/detail.server";
import { checkRegister } from "../../registry/log/verify.server";
import type { SectionName } from "../../registry/standard/sections";

const getDb = useFreshDb();
const SH = "shanghai-municipal-government";
const SUISHEN = seedId("shanghai-suishen-code");
const HEALTH_CODE = seedId("health-code");
const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);
const shOfficial = () => actorByEmail("official.shanghai@register.example");
const account = async (role: "official" | "reviewer", agency: string, name: string): Promise<Actor> => {
  await createUser(ctxOf(), { email: `${name}@register.example`, displayName: name, role, agency, password: DEMO_PASSWORD });
  return actorByEmail(`${name}@register.example`);
};

async function expectError(fn: () => unknown, code: RegistryError["code"], issue?: string) {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    expect((e as RegistryError).code).toBe(code);
    if (issue) expect((e as RegistryError).issues.map((i) => i.code)).toEqual([issue]);
    return;
  }
  throw new Error(`expected a ${code} RegistryError`);
}

/** Everything a take-over could write. */
function snapshot() {
  const db = getDb().$client;
  const all = (sql: string) => JSON.stringify(db.prepare(sql).all());
  return {
    owners: all(`SELECT id, owner_agency_id FROM tools ORDER BY seq`),
    revisions: all(`SELECT id, tool_seq, number, status, record_sha256 FROM revisions ORDER BY id`),
    events: all(`SELECT id FROM events ORDER BY id`),
    confirmations: all(`SELECT * FROM tool_agency_confirmations ORDER BY tool_seq, agency_id`),
    links: all(`SELECT * FROM tool_agencies ORDER BY tool_seq, agency_id, role`),
  };
}

const detail = async (id: string) => ((await getToolDetail(ctxOf({ now: day(40) }), { idOrSlug: id })) as { found: ToolDetail }).found;

describe("taking over a record the editors registered", () => {
  it("lists the agency's editors' records, then takes one over in one step: owner, draft, event", async () => {
    const claimable = await claimableTools(ctxOf({ actor: shOfficial() }));
    expect(claimable.map((c) => c.id)).toContain(SUISHEN);
    expect(claimable.find((c) => c.id === SUISHEN)).toMatchObject({ roles: ["operates"], status: "unreviewed", name: { zh: "随申码" } });
    expect(await takeOverOffer(ctxOf({ actor: shOfficial() }), { toolId: SUISHEN })).toMatchObject({ toolId: SUISHEN, roles: ["operates"] });
    // 健康码 does not name Shanghai: nothing to offer, and the edit page stays closed.
    expect(await takeOverOffer(ctxOf({ actor: shOfficial() }), { toolId: HEALTH_CODE })).toBeNull();
    await expectError(() => getOwnerView(ctxOf({ actor: shOfficial() }), { toolId: SUISHEN }), "forbidden");
    expect((await detail(SUISHEN)).provenance).toMatchObject({ registeredBy: "editors", takenOver: null });

    const published = (await detail(SUISHEN)).revision.number;
    const result = await takeOver(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: SUISHEN.toLowerCase() });
    expect(result).toEqual({ toolId: SUISHEN, revision: published + 1, agency: SH });

    // The agency owns it now: the draft opens, copied from the public revision.
    const view = await getOwnerView(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: SUISHEN });
    expect(view).toMatchObject({ status: "draft", number: published + 1 });
    expect(view.actions).toEqual(expect.arrayContaining(["edit_draft", "submit"]));
    const draft = await getDraft(ctxOf({ actor: shOfficial() }), { toolId: SUISHEN });
    const pub = (await detail(SUISHEN)).record;
    expect({ ...draft.record, lifecycle: { ...draft.record.lifecycle, reviewStatus: "unreviewed" } }).toEqual(JSON.parse(JSON.stringify(pub)));
    expect(draft.record.lifecycle.reviewStatus).toBe("draft");
    expect((await listAgencyWork(ctxOf({ actor: shOfficial(), now: D0 }))).items.map((i) => i.id)).toContain(SUISHEN);
    expect((await claimableTools(ctxOf({ actor: shOfficial() }))).map((c) => c.id)).not.toContain(SUISHEN);
    expect(await takeOverOffer(ctxOf({ actor: shOfficial() }), { toolId: SUISHEN })).toBeNull();

    // One public event: the agency, never the person.
    const last = getDb().$client.prepare(`SELECT kind, tool_id, actor, at, payload FROM events ORDER BY id DESC LIMIT 1`).get() as Record<string, string>;
    expect(last).toMatchObject({ kind: "tool_taken_over", tool_id: SUISHEN, actor: `official@${SH}`, at: D0.toISOString() });
    expect(JSON.parse(last.payload!)).toEqual({ revision: published, draftRevision: published + 1, agency: SH, linksKept: [] });
    expect(JSON.stringify(last)).not.toMatch(/register\.example|@register|displayName/);
    expect(checkRegister(getDb().$client).problems).toEqual([]);

    // The public record is unchanged until the draft is submitted, and says who took it over.
    const after = await detail(SUISHEN);
    expect(after.revision.number).toBe(published);
    expect(after.provenance).toMatchObject({ registeredBy: "editors", takenOver: { agency: { slug: SH, name: { zh: "上海市人民政府" } }, at: D0.toISOString() } });
  });

  it("keeps the agency's draft when the embedded dataset is seeded again (as at every start)", async () => {
    await takeOver(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: SUISHEN });
    const before = snapshot();
    const r = seedDatabase(getDb(), day(1).toISOString());
    expect(r.published).toBe(0);
    expect(snapshot()).toEqual(before);
    expect((await getOwnerView(ctxOf({ actor: shOfficial() }), { toolId: SUISHEN })).status).toBe("draft");
  });

  it("refuses everyone but an official of an operating or deciding agency, writing nothing", async () => {
    const before = snapshot();
    const samrOfficial = await account("official", "samr", "official.samr"); // oversees 健康码: may not take it over
    const shReviewer = await account("reviewer", SH, "reviewer.sh");
    const refused: [Actor | null, string][] = [
      [null, SUISHEN],
      [actorByEmail("admin@register.example"), SUISHEN],
      [shReviewer, SUISHEN],
      [actorByEmail("reviewer.samr@register.example"), SUISHEN],
      [actorByEmail("official.hangzhou@register.example"), SUISHEN],
      [samrOfficial, HEALTH_CODE],
      [shOfficial(), HEALTH_CODE],
    ];
    const accounts = snapshot(); // the two accounts add events of their own
    expect(accounts.owners).toEqual(before.owners);
    for (const [actor, toolId] of refused) await expectError(() => takeOver(ctxOf({ actor, now: D0 }), { toolId }), "forbidden");
    await expectError(() => takeOver(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: "ALG-999999" }), "not_found");
    await expectError(() => takeOver(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: SUISHEN, extra: 1 }), "invalid");
    expect(snapshot()).toEqual(accounts);
    for (const actor of [shReviewer, actorByEmail("admin@register.example")]) await expectError(() => claimableTools(ctxOf({ actor })), "forbidden");
    expect(await takeOverOffer(ctxOf({ actor: actorByEmail("official.hangzhou@register.example") }), { toolId: SUISHEN })).toBeNull();
  });

  it("refuses a second take-over, by the same agency or another, with a worded reason and nothing written", async () => {
    await takeOver(ctxOf({ actor: shOfficial(), now: D0 }), { toolId: SUISHEN });
    const before = snapshot();
    await expectError(() => takeOver(ctxOf({ actor: shOfficial(), now: day(1) }), { toolId: SUISHEN }), "wrong_state", "err_takeover_done");
    expect(snapshot()).toEqual(before);

    // 健康码: the State Council's General Office operates it, the National Health Commission decides.
    const nhc = await account("official", "national-health-commission", "official.nhc");
    const council = await account("official", "state-council-general-office", "official.council");
    expect((await claimableTools(ctxOf({ actor: council }))).map((c) => c.id)).toContain(HEALTH_CODE);
    await takeOver(ctxOf({ actor: nhc, now: day(1) }), { toolId: HEALTH_CODE });
    const taken = snapshot();
    await expectError(() => takeOver(ctxOf({ actor: council, now: day(2) }), { toolId: HEALTH_CODE }), "wrong_state", "err_takeover_taken");
    await expectError(() => getOwnerView(ctxOf({ actor: council }), { toolId: HEALTH_CODE }), "forbidden");
    expect(snapshot()).toEqual(taken);
    expect((await claimableTools(ctxOf({ actor: council }))).map((c) => c.id)).not.toContain(HEALTH_CODE);
  });

  it("keeps the editors' links public and counting, through submission and an independent review", async () => {
    const nhc = await account("official", "national-health-commission", "official.nhc");
    const linksBefore = Object.keys((await detail(HEALTH_CODE)).agencies).sort();
    expect(linksBefore).toEqual(["national-health-commission", "samr", "state-council-general-office"]);
    await takeOver(ctxOf({ actor: nhc, now: D0 }), { toolId: HEALTH_CODE });
    const last = getDb().$client.prepare(`SELECT payload FROM events ORDER BY id DESC LIMIT 1`).get() as { payload: string };
    expect(JSON.parse(last.payload).linksKept).toEqual(["samr", "state-council-general-office"]);
    const now = await detail(HEALTH_CODE);
    expect(Object.keys(now.agencies).sort()).toEqual(linksBefore);
    expect(now.unconfirmedAgencies).toEqual({});

    // The agency completes what the editors could not know and submits; the record keeps the editors' agencies.
    const { record } = await getDraft(ctxOf({ actor: nhc }), { toolId: HEALTH_CODE });
    const sections = completeSections({ level: "III", sunset: "2027-02-01", agency: "national-health-commission" });
    sections.responsibility = { ...sections.responsibility, agencies: record.responsibility!.agencies };
    for (const [name, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: nhc }), { toolId: HEALTH_CODE, section: name as SectionName, value });
    await submitDraft(ctxOf({ actor: nhc, now: D0 }), { toolId: HEALTH_CODE });
    const submitted = await detail(HEALTH_CODE);
    expect(submitted.revision.status).toBe("submitted");
    expect(Object.keys(submitted.agencies).sort()).toEqual(linksBefore);
    expect(submitted.unconfirmedAgencies).toEqual({});

    // SAMR oversees 健康码, so its reviewer may not review it; Zhejiang's may.
    const samr = actorByEmail("reviewer.samr@register.example");
    const zhejiang = actorByEmail("reviewer.zhejiang@register.example");
    expect((await reviewQueue(ctxOf({ actor: samr, now: day(1) }), {})).map((q) => q.id)).not.toContain(HEALTH_CODE);
    await expectError(() => startReview(ctxOf({ actor: samr, now: day(1) }), { toolId: HEALTH_CODE }), "forbidden");
    await startReview(ctxOf({ actor: zhejiang, now: day(1) }), { toolId: HEALTH_CODE });
    for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor: zhejiang, now: day(1) }), { toolId: HEALTH_CODE, finding: { criterion, rating: "met" } });
    await postConsultationResponse(ctxOf({ actor: nhc, now: day(30) }), { toolId: HEALTH_CODE, raised: { zh: "居民询问数据保存期限。" }, changed: { zh: "缩短了保存期限。" } });
    await decide(ctxOf({ actor: zhejiang, now: day(30) }), { toolId: HEALTH_CODE, decision: "approve", summary: { zh: "批准。" } });

    const approved = await detail(HEALTH_CODE);
    expect(approved.revision).toMatchObject({ status: "approved", number: 2 });
    expect(Object.keys(approved.agencies).sort()).toEqual(linksBefore);
    expect(approved.provenance).toMatchObject({ registeredBy: "editors", takenOver: { agency: { slug: "national-health-commission" }, at: D0.toISOString() } });
    expect(checkRegister(getDb().$client).problems).toEqual([]);
  });
});
