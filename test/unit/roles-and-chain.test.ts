import { describe, expect, it } from "vitest";
import { mayEditForAgency, mayManageAccounts, mayReview, publicActor, type Actor } from "../../registry/auth/roles";
import { eventHash, GENESIS_HASH, verifyChain, type ChainEvent } from "../../registry/log/chain";
import { hashPassword, verifyPassword } from "../../registry/auth/password.server";

const actor = (role: Actor["role"], agencyId: number | null): Actor => ({
  id: 1,
  email: "x@register.example",
  displayName: "X",
  role,
  agencyId,
  agencySlug: agencyId ? `agency-${agencyId}` : null,
});

describe("who may do what", () => {
  // [role, actor's agency, tool's agencies, may edit for agency 7, may review]
  it.each([
    ["official", 7, [7], true, false],
    ["official", 8, [7], false, false],
    ["reviewer", 7, [7], false, false],
    ["reviewer", 7, [3, 7], false, false],
    ["reviewer", 8, [7], false, true],
    ["admin", null, [7], false, false],
  ] as const)("%s of agency %s, tool of %j: edit %s, review %s", (role, agencyId, toolAgencies, edit, review) => {
    const a = actor(role, agencyId);
    expect(mayEditForAgency(a, 7)).toBe(edit);
    expect(mayReview(a, toolAgencies)).toBe(review);
    expect(mayManageAccounts(a)).toBe(role === "admin");
  });
  it("shows an actor publicly as a role and agency, never a person", () => {
    expect(publicActor(actor("reviewer", 8))).toBe("reviewer@agency-8");
    expect(publicActor(actor("admin", null))).toBe("admin");
    expect(publicActor(null)).toBe("register");
  });
});

describe("the event hash chain", () => {
  function chain(n: number): ChainEvent[] {
    const out: ChainEvent[] = [];
    for (let i = 1; i <= n; i++) {
      const e = { id: i, at: `2026-01-0${i}T00:00:00.000Z`, kind: "submitted", toolId: `ALG-00000${i}`, actor: "official@x", payload: { revision: i }, prevHash: out.at(-1)?.hash ?? GENESIS_HASH };
      out.push({ ...e, hash: eventHash(e) });
    }
    return out;
  }
  it("accepts an intact chain", () => {
    expect(verifyChain(chain(5))).toEqual({ ok: true, count: 5, lastHash: chain(5)[4]!.hash });
  });
  it("hashes key order independently (canonical JSON)", () => {
    const e = chain(1)[0]!;
    const reordered = { prevHash: e.prevHash, payload: e.payload, actor: e.actor, toolId: e.toolId, kind: e.kind, at: e.at, id: e.id };
    expect(eventHash(reordered)).toBe(e.hash);
  });
  it("names a modified row", () => {
    const c = chain(5);
    c[2] = { ...c[2]!, payload: { revision: 99 } };
    expect(verifyChain(c)).toMatchObject({ ok: false, count: 2, firstBroken: { id: 3, reason: "hash_mismatch" } });
  });
  it("names a row rewritten with a fresh hash: the next row no longer follows", () => {
    const c = chain(5);
    const forged = { ...c[2]!, actor: "someone-else" };
    c[2] = { ...forged, hash: eventHash(forged) };
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBroken: { id: 4, reason: "prev_hash_mismatch" } });
  });
  it("names a gap left by a deleted row", () => {
    const c = chain(5);
    c.splice(1, 1);
    expect(verifyChain(c)).toMatchObject({ ok: false, firstBroken: { id: 3, reason: "id_gap" } });
  });
});

describe("passwords", () => {
  it("are stored as scrypt hashes that verify only the right password", async () => {
    const h = await hashPassword("correct horse battery");
    expect(h).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(h).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", h)).toBe(true);
    expect(await verifyPassword("correct horse batterY", h)).toBe(false);
    expect(await hashPassword("correct horse battery")).not.toBe(h);
    expect(await verifyPassword("x", "not-a-hash")).toBe(false);
  });
});
