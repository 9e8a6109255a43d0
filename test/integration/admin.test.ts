// The admin commands: only admins may call them; invitations are single-use, expiring and stored
// only as a hash; disabling ends sessions; every change is an event without personal data.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { actorByEmail } from "../helpers/factories";
import { DEMO_PASSWORD } from "../helpers/seed";
import { ctxOf } from "../../registry/shared/context";
import { RegistryError } from "../../registry/shared/errors";
import { changeAccount, createAccount, listAccounts, reinviteAccount, setAccountDisabled } from "../../registry/admin/accounts.server";
import { createAgency, listAgenciesForAdmin, proposeSlug, updateAgency } from "../../registry/admin/agencies.server";
import { acceptInvitation, invitationStatus, INVITATION_DAYS } from "../../registry/admin/invitations.server";
import { login, sessionFor } from "../../registry/auth/sessions.server";
import { verifyLog } from "../../registry/log/log.server";

const getDb = useFreshDb();
const T0 = new Date("2026-04-01T08:00:00Z");
const admin = () => ctxOf({ actor: actorByEmail("admin@register.example"), now: T0 });
const NEW = { email: "New.Official@Example.gov.cn", displayName: "王小明", role: "official" as const, agency: "shanghai-municipal-government" };
const PASSWORD = "a-long-enough-password";

async function refusal(p: Promise<unknown>): Promise<RegistryError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RegistryError) return e;
    throw e;
  }
  throw new Error("expected a refusal");
}
const events = () => getDb().$client.prepare(`SELECT kind, actor, payload FROM events ORDER BY id`).all() as { kind: string; actor: string; payload: string }[];
const lastEvent = () => events().at(-1)!;

describe("only admins", () => {
  it("refuses the public, officials and reviewers, and writes nothing", async () => {
    const before = events().length;
    const users = (getDb().$client.prepare(`SELECT count(*) AS n FROM users`).get() as { n: number }).n;
    for (const actor of [null, actorByEmail("official.shanghai@register.example"), actorByEmail("reviewer.samr@register.example")]) {
      const ctx = ctxOf({ actor, now: T0 });
      for (const p of [
        listAccounts(ctx),
        createAccount(ctx, NEW),
        setAccountDisabled(ctx, { accountId: 1, disabled: true }),
        changeAccount(ctx, { accountId: 1, role: "admin" }),
        reinviteAccount(ctx, { accountId: 1 }),
        listAgenciesForAdmin(ctx),
        createAgency(ctx, { nameZh: "某局", nameEn: "Some Bureau", jurisdictionLevel: "city" }),
        updateAgency(ctx, { slug: "shanghai-municipal-government", nameZh: "改名", jurisdictionLevel: "city" }),
      ])
        expect((await refusal(p)).code).toBe("forbidden");
    }
    expect(events().length).toBe(before);
    expect((getDb().$client.prepare(`SELECT count(*) AS n FROM users`).get() as { n: number }).n).toBe(users);
  });
});

describe("accounts", () => {
  it("creates an account without a password, with an invitation stored only as its hash, logged without personal data", async () => {
    const r = await createAccount(admin(), NEW);
    expect(r.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(r.expiresAt).getTime() - T0.getTime()).toBe(INVITATION_DAYS * 86_400_000);
    const db = getDb().$client;
    const stored = db.prepare(`SELECT * FROM account_invitations WHERE user_id = ?`).all(r.accountId) as Record<string, unknown>[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token_hash).toBe(createHash("sha256").update(r.token).digest("hex"));
    expect(JSON.stringify(db.prepare(`SELECT * FROM account_invitations`).all())).not.toContain(r.token);
    expect(JSON.stringify(db.prepare(`SELECT * FROM users WHERE id = ?`).get(r.accountId))).not.toContain(r.token);
    const e = lastEvent();
    expect(e.kind).toBe("account_created");
    expect(e.actor).toBe("admin");
    expect(JSON.parse(e.payload)).toEqual({ account: r.accountId, role: "official", agency: "shanghai-municipal-government" });
    const all = JSON.stringify(events());
    for (const personal of ["new.official", "王小明", r.token]) expect(all.toLowerCase()).not.toContain(personal.toLowerCase());
    // Nobody can sign in before the password is set.
    expect(await login(ctxOf({ address: "10.1.1.1" }), { email: NEW.email, password: "none" })).toEqual({ ok: false, reason: "invalid" });
    expect((await listAccounts(admin())).find((a) => a.id === r.accountId)).toMatchObject({ state: "invited", email: "new.official@example.gov.cn", agencySlug: NEW.agency });
    expect(verifyLog().ok).toBe(true);
  });

  it("refuses invalid input with codes", async () => {
    expect((await refusal(createAccount(admin(), { ...NEW, email: "not-an-email" }))).fields).toMatchObject({ email: ["err_email_invalid"] });
    expect((await refusal(createAccount(admin(), { ...NEW, displayName: " " }))).fields).toMatchObject({ displayName: ["err_display_name_missing"] });
    expect((await refusal(createAccount(admin(), { ...NEW, role: "king" as never }))).fields).toMatchObject({ role: ["err_role_invalid"] });
    expect((await refusal(createAccount(admin(), { ...NEW, agency: "" }))).fields).toMatchObject({ agency: ["err_account_agency_missing"] });
    expect((await refusal(createAccount(admin(), { ...NEW, agency: "no-such-agency" }))).fields).toMatchObject({ agency: ["err_agency_unknown"] });
    expect((await refusal(createAccount(admin(), { ...NEW, email: "official.shanghai@register.example" }))).fields).toMatchObject({ email: ["err_email_taken"] });
  });

  it("an invitation works once, until it expires, and a new one voids the old", async () => {
    const first = await createAccount(admin(), NEW);
    const second = await reinviteAccount(admin(), { accountId: first.accountId });
    expect(lastEvent()).toMatchObject({ kind: "account_reinvited", payload: JSON.stringify({ account: first.accountId }) });
    const at = (days: number) => ctxOf({ now: new Date(T0.getTime() + days * 86_400_000) });
    expect((await invitationStatus(at(0), { token: first.token })).state).toBe("used");
    expect((await invitationStatus(at(0), { token: "x".repeat(43) })).state).toBe("unknown");
    expect((await invitationStatus(at(0), { token: "short" })).state).toBe("unknown");
    expect((await invitationStatus(at(INVITATION_DAYS + 1), { token: second.token })).state).toBe("expired");
    expect((await refusal(acceptInvitation(at(INVITATION_DAYS + 1), { token: second.token, password: PASSWORD, confirm: PASSWORD }))).fields).toEqual({ "": ["err_invitation_expired"] });
    expect((await refusal(acceptInvitation(at(1), { token: first.token, password: PASSWORD, confirm: PASSWORD }))).fields).toEqual({ "": ["err_invitation_used"] });
    expect((await refusal(acceptInvitation(at(1), { token: second.token, password: "short", confirm: "short" }))).fields).toMatchObject({ password: ["err_password_short"] });
    expect((await refusal(acceptInvitation(at(1), { token: second.token, password: PASSWORD, confirm: `${PASSWORD}!` }))).fields).toMatchObject({ confirm: ["err_password_mismatch"] });
    expect((await invitationStatus(at(1), { token: second.token })).displayName).toBe("王小明");
    expect(await acceptInvitation(at(1), { token: second.token, password: PASSWORD, confirm: PASSWORD })).toEqual({ email: "new.official@example.gov.cn" });
    expect(JSON.parse(lastEvent().payload)).toEqual({ account: first.accountId });
    expect(lastEvent()).toMatchObject({ kind: "account_activated", actor: "official@shanghai-municipal-government" });
    expect((await refusal(acceptInvitation(at(1), { token: second.token, password: PASSWORD, confirm: PASSWORD }))).fields).toEqual({ "": ["err_invitation_used"] });
    expect((await login(ctxOf({ address: "10.1.1.2" }), { email: NEW.email, password: PASSWORD })).ok).toBe(true);
    expect((await refusal(reinviteAccount(admin(), { accountId: first.accountId }))).fields).toEqual({ "": ["err_account_not_invited"] });
  });

  it("disabling ends the account's sessions at once; re-enabling lets it sign in again", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    const session = await login(ctxOf({ address: "10.1.1.3" }), { email: official.email, password: DEMO_PASSWORD });
    if (!session.ok) throw new Error("login");
    expect(sessionFor(session.sessionToken)).not.toBeNull();
    await setAccountDisabled(admin(), { accountId: official.id, disabled: true });
    expect(sessionFor(session.sessionToken)).toBeNull();
    expect((getDb().$client.prepare(`SELECT count(*) AS n FROM sessions WHERE user_id = ?`).get(official.id) as { n: number }).n).toBe(0);
    expect(lastEvent()).toMatchObject({ kind: "account_disabled", actor: "admin", payload: JSON.stringify({ account: official.id }) });
    // Only the right password learns that the account is switched off.
    expect(await login(ctxOf({ address: "10.1.1.3" }), { email: official.email, password: DEMO_PASSWORD })).toEqual({ ok: false, reason: "disabled" });
    expect(await login(ctxOf({ address: "10.1.1.3" }), { email: official.email, password: "a-wrong-password" })).toEqual({ ok: false, reason: "invalid" });
    expect((await refusal(setAccountDisabled(admin(), { accountId: official.id, disabled: true }))).fields).toEqual({ "": ["err_account_already_disabled"] });
    await setAccountDisabled(admin(), { accountId: official.id, disabled: false });
    expect(lastEvent().kind).toBe("account_enabled");
    expect((await login(ctxOf({ address: "10.1.1.3" }), { email: official.email, password: DEMO_PASSWORD })).ok).toBe(true);
    const self = actorByEmail("admin@register.example");
    expect((await refusal(setAccountDisabled(admin(), { accountId: self.id, disabled: true }))).fields).toEqual({ "": ["err_account_self"] });
    expect((await refusal(setAccountDisabled(admin(), { accountId: 99999, disabled: true }))).code).toBe("not_found");
  });

  it("changes a role or agency and logs the new ones only", async () => {
    const official = actorByEmail("official.shanghai@register.example");
    await changeAccount(admin(), { accountId: official.id, role: "reviewer", agency: "shanghai-municipal-government" });
    expect(lastEvent()).toMatchObject({ kind: "account_role_changed", payload: JSON.stringify({ account: official.id, agency: "shanghai-municipal-government", role: "reviewer" }) });
    expect(actorByEmail(official.email).role).toBe("reviewer");
    expect((await refusal(changeAccount(admin(), { accountId: official.id, role: "reviewer", agency: "shanghai-municipal-government" }))).fields).toEqual({ "": ["err_account_unchanged"] });
    expect((await refusal(changeAccount(admin(), { accountId: official.id, role: "official", agency: "" }))).fields).toEqual({ agency: ["err_account_agency_missing"] });
    await changeAccount(admin(), { accountId: official.id, role: "admin", agency: "shanghai-municipal-government" });
    expect(actorByEmail(official.email)).toMatchObject({ role: "admin", agencySlug: null });
    expect(verifyLog().ok).toBe(true);
  });
});

describe("agencies", () => {
  it("adds an agency with a slug proposed from the English name, and edits it", async () => {
    expect(proposeSlug("Pudong New Area Data Bureau (Pilot)")).toBe("pudong-new-area-data-bureau-pilot");
    const { slug } = await createAgency(admin(), { nameZh: "浦东新区数据局", nameEn: "Pudong New Area Data Bureau", parent: "shanghai-municipal-government", jurisdictionLevel: "district", placeZh: "浦东新区", placeEn: "Pudong" });
    expect(slug).toBe("pudong-new-area-data-bureau");
    expect(lastEvent()).toMatchObject({ kind: "agency_created", actor: "admin" });
    expect(JSON.parse(lastEvent().payload)).toMatchObject({ agency: slug, parent: "shanghai-municipal-government", jurisdictionLevel: "district" });
    await updateAgency(admin(), { slug, nameZh: "浦东新区大数据局", nameEn: "Pudong Big Data Bureau", parent: "", jurisdictionLevel: "district", placeZh: "", placeEn: "" });
    expect(lastEvent().kind).toBe("agency_updated");
    expect((await listAgenciesForAdmin(admin())).find((a) => a.slug === slug)).toMatchObject({ nameZh: "浦东新区大数据局", parentSlug: null, placeZh: null });
    expect(verifyLog().ok).toBe(true);
  });

  it("refuses invalid agencies with codes", async () => {
    const base = { nameZh: "某局", nameEn: "Some Bureau", jurisdictionLevel: "city" as const };
    expect((await refusal(createAgency(admin(), { ...base, nameZh: "" }))).fields).toMatchObject({ nameZh: ["err_agency_name_missing"] });
    expect((await refusal(createAgency(admin(), { ...base, nameEn: "", slug: "" }))).fields).toEqual({ slug: ["err_agency_slug_missing"] });
    expect((await refusal(createAgency(admin(), { ...base, slug: "Not A Slug" }))).fields).toEqual({ slug: ["err_slug_format"] });
    expect((await refusal(createAgency(admin(), { ...base, slug: "shanghai-municipal-government" }))).fields).toEqual({ slug: ["err_agency_slug_taken"] });
    expect((await refusal(createAgency(admin(), { ...base, jurisdictionLevel: "galaxy" as never }))).fields).toEqual({ jurisdictionLevel: ["err_jurisdiction_invalid"] });
    expect((await refusal(createAgency(admin(), { ...base, parent: "no-such-agency" }))).fields).toEqual({ parent: ["err_agency_unknown"] });
    const { slug } = await createAgency(admin(), { ...base, parent: "shanghai-municipal-government" });
    expect((await refusal(updateAgency(admin(), { slug: "shanghai-municipal-government", nameZh: "上海市人民政府", jurisdictionLevel: "city", parent: slug }))).fields).toEqual({ parent: ["err_agency_parent_cycle"] });
    expect((await refusal(updateAgency(admin(), { ...base, slug: "no-such-agency" }))).code).toBe("not_found");
  });
});
