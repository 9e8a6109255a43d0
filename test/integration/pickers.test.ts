// Issue 13, "Pickers, not codes": a new draft with only a Chinese name gets a pinyin slug, "-2" when
// taken; the agency picker lists the register's agencies by name.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail, newIdentity } from "../helpers/factories";
import { createDraft } from "../../registry/review/drafts.server";
import { agencyChoices } from "../../registry/records/agency-choices.server";
import { ctxOf } from "../../registry/shared/context";

const getDb = useFreshDb();
const NOW = new Date("2026-03-01T08:00:00Z");
const SHANGHAI = "official.shanghai@register.example";
const slugOf = (toolId: string) => (getDb().$client.prepare(`SELECT slug FROM tools WHERE id = ?`).get(toolId) as { slug: string }).slug;

describe("slug made from the name on a new draft", () => {
  it("a draft with only a Chinese name gets its pinyin, then -2", async () => {
    const ctx = ctxOf({ actor: actorByEmail(SHANGHAI), now: NOW });
    const { slug: _s, ...rest } = newIdentity();
    const identity = { ...rest, name: { zh: "随申码" } };
    const first = await createDraft(ctx, { identity });
    expect(slugOf(first.toolId)).toBe("suishenma");
    const second = await createDraft(ctx, { identity: { ...identity, slug: "" } });
    expect(slugOf(second.toolId)).toBe("suishenma-2");
  });
  it("a draft with an English name gets it in lower case with hyphens", async () => {
    const { slug: _s, ...rest } = newIdentity();
    const { toolId } = await createDraft(ctxOf({ actor: actorByEmail(SHANGHAI), now: NOW }), { identity: { ...rest, name: { zh: "随申码", en: "Suishen Code" } } });
    expect(slugOf(toolId)).toBe("suishen-code");
  });
});

describe("agency picker", () => {
  it("lists the register's agencies by name in the page's language", async () => {
    const zh = await agencyChoices(ctxOf({ actor: null }), { lang: "zh" });
    expect(zh.length).toBeGreaterThan(1);
    expect(zh.every((a) => a.name && !/^[a-z0-9-]+$/.test(a.name))).toBe(true);
    const en = await agencyChoices(ctxOf({ actor: null }), { lang: "en" });
    expect(new Set(en.map((a) => a.slug))).toEqual(new Set(zh.map((a) => a.slug)));
  });
});
