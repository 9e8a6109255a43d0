// Issue 10, finding 1: field names such as "identity.__proto__.redirectTo" posted to the record
// forms polluted Object.prototype in the worker; every record page then redirected to itself
// (500) and problem reports were refused. The attack goes through the real route actions here,
// then a public record page and a problem report must still work.
import { afterEach, describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { sessionCookie } from "~/auth.server";
import { DEMO_PASSWORD, seedId } from "../helpers/seed";
import * as newDraft from "~/routes/drafts.new";
import * as editPage from "~/routes/tools.$id_.edit";
import * as factsPage from "~/routes/tools.$id_.facts";
import * as recordPage from "~/routes/tools.$id/route";
import * as reportPage from "~/routes/tools.$id_.report";
import { ctxOf } from "../../registry/shared/context";
import { actorByEmail, newIdentity } from "../helpers/factories";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { type SectionName } from "../../registry/standard/sections";
import { RegistryError } from "../../registry/shared/errors";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");

const getDb = useFreshDb();
const PROBES = ["redirectTo", "polluted", "isAdmin"];
afterEach(() => {
  for (const k of PROBES) delete (Object.prototype as Record<string, unknown>)[k];
});

async function session(email: string) {
  const r = await login(ctxOf({ address: "10.9.8.7" }), { email, password: DEMO_PASSWORD });
  if (!r.ok) throw new Error("login");
  return { cookie: (await sessionCookie.serialize(r.sessionToken)).split(";")[0]!, csrf: sessionFor(r.sessionToken)!.csrfToken };
}

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;
async function post(action: Action, path: string, params: Record<string, string>, fields: [string, string][], cookie?: string): Promise<number> {
  const request = new Request(`http://localhost${path}`, { method: "POST", body: new URLSearchParams(fields), headers: cookie ? { Cookie: cookie } : {} });
  try {
    const r = (await action({ request, params, context: { clientAddress: "10.9.8.7" } })) as Response | { init: { status?: number } | null };
    return r instanceof Response ? r.status : (r.init?.status ?? 200);
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const ATTACKS: [string, string][] = [
  ["__proto__.redirectTo", "ALG-000023"],
  ["constructor.prototype.redirectTo", "ALG-000023"],
  ["__proto__.isAdmin", "true"],
  ["name.__proto__.polluted", "yes"],
];
const polluted = () => {
  const probe: Record<string, unknown> = {};
  return PROBES.some((k) => probe[k] !== undefined);
};

describe("prototype pollution through the record forms", () => {
  it("ignores __proto__ and constructor.prototype fields on /drafts/new, the edit page and /facts", async () => {
    const official = await session("official.shanghai@register.example");
    const reviewer = await session("reviewer.samr@register.example");
    const identity: [string, string][] = [
      ["csrf", official.csrf],
      ["identity.slug", "attack-tool"],
      ["identity.name.zh", "攻击"],
      ["identity.kind", "app"],
    ];
    for (const [name, value] of ATTACKS) {
      // As in the report: the list button makes the action answer with the parsed value.
      await post(newDraft.action as Action, "/drafts/new", {}, [...identity, [`identity.${name}`, value], ["_add", "identity.sources"]], official.cookie);
      await post(newDraft.action as Action, "/drafts/new", {}, [...identity, ["_add", `identity.${name}`]], official.cookie);
      expect(polluted()).toBe(false);
    }
    // A draft saved with the attack fields keeps none of them.
    const status = await post(newDraft.action as Action, "/drafts/new", {}, [
      ...identity,
      ["identity.jurisdiction.level", "city"],
      ["identity.jurisdiction.place.zh", "上海市"],
      ["identity.policyDomain", "public_health"],
      ["identity.summary.zh", "摘要"],
      ...ATTACKS.map(([n, v]): [string, string] => [`identity.${n}`, v]),
    ], official.cookie);
    expect(status).toBe(302);
    const row = getDb().$client.prepare(`SELECT t.id, r.record FROM tools t JOIN revisions r ON r.tool_seq = t.seq WHERE t.slug = 'attack-tool'`).get() as { id: string; record: string };
    expect(row.record).not.toMatch(/proto|redirectTo|polluted|isAdmin/);

    for (const [name, value] of ATTACKS) {
      await post(editPage.action as Action, `/tools/${row.id}/edit`, { id: row.id }, [["csrf", official.csrf], ["section", "purpose"], [`purpose.${name}`, value], ["_add", `purpose.legalBasis`]], official.cookie);
      await post(editPage.action as Action, `/tools/${row.id}/edit`, { id: row.id }, [["csrf", official.csrf], ["section", "purpose"], ["_add", `purpose.${name}`]], official.cookie);
      await post(factsPage.action as Action, `/tools/${HEALTH_CODE}/facts`, { id: HEALTH_CODE }, [["csrf", reviewer.csrf], ["kind", "incident"], [`incident.${name}`, value]], reviewer.cookie);
      expect(polluted()).toBe(false);
    }
    expect(({} as Record<string, unknown>).redirectTo).toBeUndefined();

    // Public pages still work: a record page renders its record, and a problem report is taken.
    const request = new Request(`http://localhost/tools/${HEALTH_CODE}?x`);
    const page = (await recordPage.loader({ request, params: { id: HEALTH_CODE }, context: {} })) as { tool: { id: string } };
    expect(page.tool.id).toBe(HEALTH_CODE);
    expect(
      await post(reportPage.action as Action, `/tools/${HEALTH_CODE}/report`, { id: HEALTH_CODE }, [["description", "The retention period in the data section looks out of date."]]),
    ).toBe(200);
  });

  it("saveDraftSection refuses a section named after a prototype property", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    const { toolId } = await createDraft(ctxOf({ actor: official, now: new Date("2026-03-01T00:00:00Z") }), { identity: newIdentity("section-names") });
    for (const section of ["__proto__", "constructor", "toString", "hasOwnProperty"])
      await expect(saveDraftSection(ctxOf({ actor: official }), { toolId, section: section as SectionName, value: { x: 1 } })).rejects.toThrow(RegistryError);
  });
});
