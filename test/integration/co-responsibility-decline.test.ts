// An agency named as co-responsible may decline (issue 13): the link then never appears publicly,
// never counts for reviewer independence, and the agency is no longer asked to confirm it. Only an
// official of the named agency may decline, once, and only a link that is not confirmed.
import { describe, expect, it } from "vitest";
import { RegistryError } from "../../registry/shared/errors";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { DEMO_ACCOUNTS } from "../helpers/seed";
import { callLoader } from "./load";
import { getJson } from "./api-helpers";
import { createUser } from "../../registry/auth/accounts.server";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { submitDraft } from "../../registry/review/submission.server";
import { startReview } from "../../registry/review/review.server";
import { type SectionName } from "../../registry/standard/sections";
import { confirmResponsibility, declineResponsibility, pendingConfirmations } from "../../registry/review/co-responsibility.server";
import { getAgencyPage } from "../../registry/records/agencies.server";
import type { ToolDetail } from "../../registry/records/detail.server";
import { ctxOf } from "../../registry/shared/context";
import { loader as detailLoader } from "~/routes/tools.$id/route";

const getDb = useFreshDb();
const SH = "shanghai-municipal-government";
const ZJ = "zhejiang-provincial-government";
const email = (role: string, agency?: string) => DEMO_ACCOUNTS.find((a) => a.role === role && (!agency || a.agency === agency))!.email;
const official = () => actorByEmail(email("official", SH));
const otherOfficial = () => actorByEmail(email("official", "hangzhou-health-commission"));
const zjReviewer = () => actorByEmail(email("reviewer", ZJ));
const admin = () => actorByEmail(email("admin"));
const D0 = new Date("2026-03-01T09:00:00Z");

async function submitNaming(agency: string, slug: string): Promise<string> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity(slug) });
  const sections = completeSections({ level: "III", sunset: "2027-02-01" });
  sections.responsibility = { ...sections.responsibility, agencies: [{ agency: SH, role: "operates" }, { agency, role: "oversees" }] };
  for (const [name, value] of Object.entries(sections)) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: name as SectionName, value });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  return toolId;
}

async function refused(fn: () => unknown, code: RegistryError["code"], issue?: string) {
  const e = await Promise.resolve()
    .then(fn)
    .then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(RegistryError);
  expect((e as RegistryError).code).toBe(code);
  if (issue) expect((e as RegistryError).issues.map((i) => i.code)).toContain(issue);
}

const written = () => {
  const db = getDb().$client;
  const n = (t: string) => (db.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return { declines: n("tool_agency_declines"), confirmations: n("tool_agency_confirmations"), events: n("events") };
};

describe("declining co-responsibility", () => {
  it("is for an official of the named agency only; the declined link is never public, never counts, and is no longer pending", async () => {
    const toolId = await submitNaming(ZJ, "parking-permit-scoring");
    const zjOfficial = await createUser(ctxOf(), { email: "official.zj@register.example", displayName: "ZJ", role: "official", agency: ZJ, password: "long-enough-password" });
    expect((await pendingConfirmations(ctxOf({ actor: zjOfficial }))).map((p) => p.id)).toEqual([toolId]);

    const before = written();
    for (const actor of [otherOfficial(), zjReviewer(), admin(), null]) await refused(() => declineResponsibility(ctxOf({ actor, now: D0 }), { toolId }), "forbidden");
    // The owning agency's link needs no confirmation, so it cannot be declined.
    await refused(() => declineResponsibility(ctxOf({ actor: official(), now: D0 }), { toolId }), "wrong_state", "err_coresp_decline_confirmed");
    await refused(() => declineResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId: "ALG-999999" }), "not_found");
    expect(written()).toEqual(before);

    expect(await declineResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId: toolId.toLowerCase() })).toEqual({ toolId, agency: ZJ });
    const last = getDb().$client.prepare(`SELECT kind, tool_id, payload FROM events ORDER BY id DESC LIMIT 1`).get() as { kind: string; tool_id: string; payload: string };
    expect(last).toMatchObject({ kind: "responsibility_declined", tool_id: toolId });
    expect(JSON.parse(last.payload)).toMatchObject({ agency: ZJ });
    expect(await pendingConfirmations(ctxOf({ actor: zjOfficial }))).toEqual([]);

    // Final: neither declined again nor confirmed later.
    const after = written();
    await refused(() => declineResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId }), "wrong_state", "err_coresp_declined");
    await refused(() => confirmResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId }), "wrong_state", "err_coresp_declined");
    expect(written()).toEqual(after);

    // Never public: not on the record page (not even as unconfirmed), the agency's page or the API's agency list.
    const detail = (await callLoader<{ tool: ToolDetail }>(detailLoader, `/tools/${toolId}`, { id: toolId })).tool;
    expect(Object.keys(detail.agencies)).toEqual([SH]);
    expect(Object.keys(detail.unconfirmedAgencies)).toEqual([]);
    expect(detail.record.responsibility.agencies.map((a) => a.agency)).toEqual([SH]);
    expect((await getAgencyPage(ctxOf(), { slug: ZJ }))!.tools.map((t) => t.id)).not.toContain(toolId);
    expect((await getJson<{ agencies: { slug: string }[] }>(`/api/v1/tools/${toolId}`)).body.agencies.map((a) => a.slug)).toEqual([SH]);

    // Never counts: the declining agency's reviewer may still review the tool.
    await startReview(ctxOf({ actor: zjReviewer(), now: D0 }), { toolId });
  });

  it("refuses to decline a confirmed link", async () => {
    const toolId = await submitNaming(ZJ, "confirmed-tool");
    const zjOfficial = await createUser(ctxOf(), { email: "official.zj2@register.example", displayName: "ZJ", role: "official", agency: ZJ, password: "long-enough-password" });
    await confirmResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId });
    const before = written();
    await refused(() => declineResponsibility(ctxOf({ actor: zjOfficial, now: D0 }), { toolId }), "wrong_state", "err_coresp_decline_confirmed");
    expect(written()).toEqual(before);
  });
});
