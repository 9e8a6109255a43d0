// Co-responsibility needs consent (issue 10, finding 9): an official may name any agency in the
// responsibility chain of their tool, but until that agency confirms, it is not listed as
// responsible anywhere public and none of its reviewers is disqualified. Level IV independence
// is counted by agency.
import { RegistryError } from "../../registry/shared/errors";
import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { callLoader } from "./load";
import { getJson } from "./api-helpers";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../helpers/seed";
import { createUser } from "../../registry/auth/accounts.server";
import { CRITERIA } from "../../registry/review/review-terms";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { getReviewPage, reviewQueue } from "../../registry/review/queues.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { submitDraft } from "../../registry/review/submission.server";
import { type SectionName } from "../../registry/standard/sections";
import { confirmResponsibility, pendingConfirmations, reprojectUnconfirmedLinks } from "../../registry/review/co-responsibility.server";
import { listTools, type ToolList } from "../../registry/records/list.server";
import { getAgencyPage, listAgencies, type AgencyPage } from "../../registry/records/agencies.server";
import type { ToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { parseToolQuery } from "../../registry/records/query";
import { loader as agencyLoader } from "~/routes/agencies.$slug";
import { loader as listLoader } from "~/routes/tools._index/route";
import { action as detailAction, loader as detailLoader } from "~/routes/tools.$id/route";
import { sessionCookie } from "~/auth.server";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { loader as agenciesCsvLoader } from "~/routes/agencies[.]csv";
import type { Actor } from "../../registry/auth/roles";
import { checkRegister } from "../../registry/log/verify.server";

const getDb = useFreshDb();
const SH = "shanghai-municipal-government";
const ZJ = "zhejiang-provincial-government";
const email = (role: string, agency?: string) => DEMO_ACCOUNTS.find((a) => a.role === role && (!agency || a.agency === agency))!.email;
const official = () => actorByEmail(email("official", SH));
const otherOfficial = () => actorByEmail(email("official", "hangzhou-health-commission"));
const samrReviewer = () => actorByEmail(email("reviewer", "samr"));
const zjReviewer = () => actorByEmail(email("reviewer", ZJ));
const PASSWORD = "long-enough-password";
const account = (role: "official" | "reviewer", agency: string, name: string) =>
  createUser(ctxOf(), { email: `${name}@register.example`, displayName: name, role, agency, password: PASSWORD });

async function signIn(email: string, password: string) {
  const r = await login(ctxOf({ address: "10.0.0.9" }), { email, password });
  if (!r.ok) throw new Error(`cannot log in ${email}`);
  return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
}

const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);

async function expectError(fn: () => unknown, code: RegistryError["code"]) {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RegistryError);
    expect((e as RegistryError).code).toBe(code);
    return e as RegistryError;
  }
  throw new Error(`expected a ${code} RegistryError`);
}

/** The ALG-000026 pattern: a Shanghai official's tool naming the Zhejiang provincial government as overseeing it. */
async function submitNaming(agency: string, level: "III" | "IV", slug = "parking-permit-scoring"): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity(slug) });
  const sections = completeSections({ level, sunset: level === "III" ? "2027-02-01" : "2026-08-01" });
  sections.responsibility = { ...sections.responsibility, agencies: [{ agency: SH, role: "operates" }, { agency, role: "oversees" }] };
  for (const [name, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: name as SectionName, value });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  return toolId;
}

async function findAll(actor: Actor, toolId: string, at: Date) {
  for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor, now: at }), { toolId, finding: { criterion, rating: "met" } });
}

async function respond(toolId: string) {
  await postConsultationResponse(ctxOf({ actor: official(), now: day(30) }), { toolId, raised: { en: "Residents asked about retention." }, changed: { en: "Retention shortened." } });
}

const versions = () => {
  const db = getDb().$client;
  return {
    list: (db.prepare(`SELECT version FROM list_version`).get() as { version: number }).version,
    page: (db.prepare(`SELECT version FROM page_version`).get() as { version: number }).version,
  };
};

/** Everything public that lists the agencies of a tool, as seen for `toolId` and agency `slug`. */
async function publicView(toolId: string, slug: string, review = "submitted") {
  const agencyPage = (await callLoader<{ agency: AgencyPage }>(agencyLoader, `/agencies/${slug}`, { slug })).agency;
  const filtered = (await callLoader<{ list: ToolList }>(listLoader, `/tools?agency=${slug}`)).list;
  const csvRes = (await callLoader<Response>(agenciesCsvLoader, `/agencies.csv?review=${review}`)) as Response;
  const csvRows = parse(await csvRes.text(), { bom: true, columns: true }) as Record<string, string>[];
  const detail = (await callLoader<{ tool: ToolDetail }>(detailLoader, `/tools/${toolId}`, { id: toolId })).tool;
  const apiAgency = (await getJson<{ tools: { id: string }[] }>(`/api/v1/agencies/${slug}`)).body;
  const apiTool = (await getJson<{ agencies: { slug: string }[]; record: ToolDetail["record"] }>(`/api/v1/tools/${toolId}`)).body;
  return {
    onAgencyPage: agencyPage.tools.some((t) => t.id === toolId),
    inAgencyFilter: filtered.items.some((t) => t.id === toolId),
    agencyFilterTotal: filtered.total,
    csvAgencies: csvRows.filter((r) => r.tool_id === toolId).map((r) => r.agency_slug),
    pageAgencies: Object.keys(detail.agencies),
    pageUnconfirmed: Object.keys(detail.unconfirmedAgencies ?? {}),
    apiAgencyTools: apiAgency.tools.some((t) => t.id === toolId),
    apiToolAgencies: apiTool.agencies.map((a) => a.slug),
    apiRecordAgencies: apiTool.record.responsibility.agencies.map((a) => a.agency),
    agencyCount: (await listAgencies(ctxOf())).agencies.find((a) => a.slug === slug)!.toolCount,
    foundByAgencyName: (await listTools(ctxOf(), { query: parseToolQuery(new URLSearchParams(`q=浙江省人民政府&review=${review}`)).query })).items.some((t) => t.id === toolId),
  };
}

describe("an agency named as co-responsible without its consent", () => {
  it("is not listed publicly, and its reviewers may review the tool, until it confirms", async () => {
    const zjCountBefore = (await listAgencies(ctxOf())).agencies.find((a) => a.slug === ZJ)!.toolCount;
    const toolId = await submitNaming(ZJ, "III");

    const before = await publicView(toolId, ZJ);
    expect(before).toMatchObject({
      onAgencyPage: false,
      inAgencyFilter: false,
      csvAgencies: [SH],
      pageAgencies: [SH],
      pageUnconfirmed: [ZJ],
      apiAgencyTools: false,
      apiToolAgencies: [SH],
      // The record is the official's submission and stays as submitted.
      apiRecordAgencies: [SH, ZJ],
      agencyCount: zjCountBefore,
      foundByAgencyName: false,
    });
    // The owning agency's link needs no confirmation.
    expect((await publicView(toolId, SH)).inAgencyFilter).toBe(true);

    // The named agency's reviewer is not disqualified: the tool is in their queue and they may review it.
    expect((await reviewQueue(ctxOf({ actor: zjReviewer(), now: day(1) }), {})).map((q) => q.id)).toContain(toolId);
    await startReview(ctxOf({ actor: zjReviewer(), now: day(1) }), { toolId });
    expect((await getReviewPage(ctxOf({ actor: zjReviewer() }), { toolId })).myReview).not.toBeNull();

    // Only an official of the named agency confirms, once, for a public record that names it.
    const zjOfficial = await account("official", ZJ, "official.zj");
    expect((await pendingConfirmations(ctxOf({ actor: zjOfficial }))).map((p) => p.id)).toEqual([toolId]);
    for (const actor of [otherOfficial(), zjReviewer(), null]) await expectError(() => confirmResponsibility(ctxOf({ actor, now: day(2) }), { toolId }), "forbidden");
    await expectError(() => confirmResponsibility(ctxOf({ actor: official(), now: day(2) }), { toolId }), "wrong_state");
    await expectError(() => confirmResponsibility(ctxOf({ actor: zjOfficial, now: day(2) }), { toolId: "ALG-999999" }), "not_found");
    const v0 = versions();
    expect(await confirmResponsibility(ctxOf({ actor: zjOfficial, now: day(2) }), { toolId: toolId.toLowerCase() })).toEqual({ toolId, agency: ZJ });
    // The confirmation is a public event, and the register still checks out against its log.
    const last = getDb().$client.prepare(`SELECT kind, tool_id, payload FROM events ORDER BY id DESC LIMIT 1`).get() as { kind: string; tool_id: string; payload: string };
    expect(last).toMatchObject({ kind: "responsibility_confirmed", tool_id: toolId });
    expect(JSON.parse(last.payload)).toMatchObject({ agency: ZJ });
    expect(checkRegister(getDb().$client).problems).toEqual([]);
    await expectError(() => confirmResponsibility(ctxOf({ actor: zjOfficial, now: day(3) }), { toolId }), "wrong_state");
    expect(await pendingConfirmations(ctxOf({ actor: zjOfficial }))).toEqual([]);
    // Cached pages and the list index see it on the next request.
    const v1 = versions();
    expect(v1.list).toBeGreaterThan(v0.list);
    expect(v1.page).toBeGreaterThan(v0.page);

    const after = await publicView(toolId, ZJ, "in_review");
    expect(after).toMatchObject({
      onAgencyPage: true,
      inAgencyFilter: true,
      agencyFilterTotal: before.agencyFilterTotal + 1,
      csvAgencies: [SH, ZJ],
      pageAgencies: [SH, ZJ],
      pageUnconfirmed: [],
      apiAgencyTools: true,
      apiToolAgencies: [SH, ZJ],
      apiRecordAgencies: [SH, ZJ],
      agencyCount: zjCountBefore + 1,
      foundByAgencyName: true,
    });

    // Now the agency answers for the tool: its reviewers are refused.
    expect((await reviewQueue(ctxOf({ actor: zjReviewer(), now: day(3) }), {})).map((q) => q.id)).not.toContain(toolId);
    await expectError(() => getReviewPage(ctxOf({ actor: zjReviewer() }), { toolId }), "forbidden");
    await expectError(() => recordFinding(ctxOf({ actor: zjReviewer(), now: day(3) }), { toolId, finding: { criterion: 1, rating: "met" } }), "forbidden");
    await expectError(() => decide(ctxOf({ actor: zjReviewer(), now: day(31) }), { toolId, decision: "reject", summary: { en: "x" } }), "forbidden");
    const zjReviewer2 = await account("reviewer", ZJ, "reviewer.zj2");
    await expectError(() => startReview(ctxOf({ actor: zjReviewer2, now: day(3) }), { toolId }), "forbidden");
  });

  it("refuses the named agency's reviewers once confirmed, even before any review", async () => {
    const toolId = await submitNaming(ZJ, "III");
    expect((await getReviewPage(ctxOf({ actor: zjReviewer() }), { toolId })).actions).toContain("start_review");
    await confirmResponsibility(ctxOf({ actor: await account("official", ZJ, "official.zj"), now: day(1) }), { toolId });
    await expectError(() => getReviewPage(ctxOf({ actor: zjReviewer() }), { toolId }), "forbidden");
    await expectError(() => startReview(ctxOf({ actor: zjReviewer(), now: day(2) }), { toolId }), "forbidden");
    await startReview(ctxOf({ actor: samrReviewer(), now: day(2) }), { toolId });
  });
});

describe("confirming from the record page", () => {
  it("is offered to officials of the named agency only, and confirms with the session's token", async () => {
    const toolId = await submitNaming(ZJ, "III");
    await account("official", ZJ, "official.zj");
    const zj = await signIn("official.zj@register.example", PASSWORD);
    const sh = await signIn(email("official", SH), DEMO_PASSWORD);
    type Page = { tool: ToolDetail; confirmAs: string | null };
    const page = (who: { cookie: string } | null) => callLoader<Page>(detailLoader, `/tools/${toolId}`, { id: toolId }, { headers: who ? { Cookie: who.cookie } : {} });
    expect((await page(null)).confirmAs).toBeNull();
    expect((await page(sh)).confirmAs).toBeNull();
    expect((await page(zj)).confirmAs).toBe(ZJ);

    const post = (who: { cookie: string; csrf: string }, csrf = who.csrf) =>
      detailAction({
        request: new Request(`http://localhost/tools/${toolId}`, { method: "POST", body: new URLSearchParams({ intent: "confirm_responsibility", csrf }), headers: { Cookie: who.cookie } }),
        params: { id: toolId },
        context: {},
      }).catch((e: unknown) => e as Response);
    expect(((await post(zj, "forged")) as Response).status).toBe(403);
    expect(((await post(sh)) as Response).status).toBe(302); // the owner: nothing to confirm
    expect((await page(null)).tool.unconfirmedAgencies).toHaveProperty(ZJ);
    const res = (await post(zj)) as Response;
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe(`/tools/${toolId}#responsibility`);
    const after = await page(zj);
    expect(Object.keys(after.tool.agencies)).toEqual([SH, ZJ]);
    expect(after.confirmAs).toBeNull();
  });
});

describe("links projected before consent was needed", () => {
  it("are dropped by projecting those tools again, keeping their update time", async () => {
    const toolId = await submitNaming(ZJ, "III");
    const db = getDb().$client;
    const seq = db.prepare(`SELECT seq FROM tools WHERE id = ?`).pluck().get(toolId) as number;
    const zjId = db.prepare(`SELECT id FROM agencies WHERE slug = ?`).pluck().get(ZJ) as number;
    // What the projection held for such a tool before this change.
    db.prepare(`INSERT INTO tool_agencies (tool_seq, agency_id, role) VALUES (?, ?, 'oversees')`).run(seq, zjId);
    const updatedAt = db.prepare(`SELECT updated_at FROM tools WHERE seq = ?`).pluck().get(seq);
    const onZjPage = async () => (await getAgencyPage(ctxOf(), { slug: ZJ }))!.tools.some((t) => t.id === toolId);
    expect(await onZjPage()).toBe(true);
    const editorialLinks = db.prepare(`SELECT count(*) FROM tool_agencies ta JOIN tools t ON t.seq = ta.tool_seq WHERE t.owner_agency_id IS NULL`).pluck();
    const editorialBefore = editorialLinks.get();
    expect(reprojectUnconfirmedLinks()).toBe(1);
    expect(await onZjPage()).toBe(false);
    expect((await getAgencyPage(ctxOf(), { slug: SH }))!.tools.some((t) => t.id === toolId)).toBe(true);
    expect(db.prepare(`SELECT updated_at FROM tools WHERE seq = ?`).pluck().get(seq)).toBe(updatedAt);
    expect(editorialLinks.get()).toBe(editorialBefore);
    expect(reprojectUnconfirmedLinks()).toBe(0);
  });
});

describe("level IV independence", () => {
  it("is counted by agency: two reviewers of one agency cannot approve, two agencies can", async () => {
    const toolId = await submitNaming("miit", "IV");
    const samr2 = await account("reviewer", "samr", "reviewer.samr2");
    await startReview(ctxOf({ actor: samrReviewer(), now: day(1) }), { toolId });
    await findAll(samrReviewer(), toolId, day(2));
    await respond(toolId);
    expect(await decide(ctxOf({ actor: samrReviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approve." } })).toEqual({ effective: false, awaiting: "second_reviewer" });
    // A second reviewer of the same agency is not a second independent reviewer.
    expect((await getReviewPage(ctxOf({ actor: samr2 }), { toolId })).actions).not.toContain("join_review");
    await expectError(() => startReview(ctxOf({ actor: samr2, now: day(31) }), { toolId }), "wrong_state");
    expect((await getReviewPage(ctxOf({ actor: samr2 }), { toolId })).status).toBe("in_review");
    // A reviewer of another agency (here one the record names without its consent) is.
    await startReview(ctxOf({ actor: zjReviewer(), now: day(31) }), { toolId });
    await findAll(zjReviewer(), toolId, day(31));
    expect(await decide(ctxOf({ actor: zjReviewer(), now: day(32) }), { toolId, decision: "approve", summary: { en: "Approve too." } })).toEqual({ effective: true, status: "approved" });
  });

  it("stops counting an approval once the reviewer's agency confirms it is responsible", async () => {
    const toolId = await submitNaming(ZJ, "IV");
    await startReview(ctxOf({ actor: zjReviewer(), now: day(1) }), { toolId });
    await findAll(zjReviewer(), toolId, day(2));
    await respond(toolId);
    expect(await decide(ctxOf({ actor: zjReviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approve." } })).toEqual({ effective: false, awaiting: "second_reviewer" });
    await confirmResponsibility(ctxOf({ actor: await account("official", ZJ, "official.zj"), now: day(30) }), { toolId });
    await startReview(ctxOf({ actor: samrReviewer(), now: day(31) }), { toolId });
    await findAll(samrReviewer(), toolId, day(31));
    expect(await decide(ctxOf({ actor: samrReviewer(), now: day(32) }), { toolId, decision: "approve", summary: { en: "Approve." } })).toEqual({ effective: false, awaiting: "second_reviewer" });
    const miit = await account("reviewer", "miit", "reviewer.miit");
    await startReview(ctxOf({ actor: miit, now: day(33) }), { toolId });
    await findAll(miit, toolId, day(33));
    expect(await decide(ctxOf({ actor: miit, now: day(34) }), { toolId, decision: "approve", summary: { en: "Approve." } })).toEqual({ effective: true, status: "approved" });
  });
});
