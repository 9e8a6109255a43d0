import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { callLoader, thrownResponse } from "./load";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as accountLoader } from "~/routes/account";
import { loader as rootLoader } from "~/root";
import { action as langAction } from "~/routes/lang";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts, seedId } from "../helpers/seed";
import { LOGIN_LIMITS } from "../../registry/auth/sessions.server";
import { createUser } from "../../registry/auth/accounts.server";
import { RegistryError } from "../../registry/shared/errors";
import { worded } from "./worded";
import { ctxOf } from "../../registry/shared/context";

// Seed records, found by slug (test/helpers/seed.ts).
const HEALTH_CODE = seedId("health-code");

const getDb = useFreshDb();
const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!.email;

type Sent = { status: number; headers: Headers; data: unknown };
async function post(action: (args: never) => unknown, url: string, form: Record<string, string>, opts: { headers?: Record<string, string>; address?: string } = {}): Promise<Sent> {
  const request = new Request(new URL(url, "http://localhost"), { method: "POST", body: new URLSearchParams(form), headers: opts.headers });
  let out: unknown;
  try {
    out = await (action as (a: unknown) => unknown)({ request, params: {}, context: { clientAddress: opts.address ?? "192.0.2.10" } });
  } catch (e) {
    out = e;
  }
  if (out instanceof Response) return { status: out.status, headers: out.headers, data: null };
  // data() from @remix-run/node: { type: "DataWithResponseInit", data, init }
  const d = out as { data: unknown; init?: { status?: number; headers?: HeadersInit } };
  return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), data: d.data };
}

const cookieOf = (res: Sent) => res.headers.get("Set-Cookie")!.split(";")[0]!;
const login = (email: string, password: string, extra: { address?: string; headers?: Record<string, string> } = {}) =>
  post(loginAction, "/login", { email, password, next: "/account" }, extra);

describe("login", () => {
  it("opens a session in an HttpOnly, SameSite=Lax cookie and lands on the account page", async () => {
    const res = await login(official, DEMO_PASSWORD);
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/account");
    const setCookie = res.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^__session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i);
    const account = await callLoader<{ actor: { email: string; role: string } }>(accountLoader, "/account", {}, { headers: { Cookie: cookieOf(res) } });
    expect(account.actor).toMatchObject({ email: official, role: "official" });
  });
  it("marks the cookie Secure when the request came over HTTPS", async () => {
    const res = await post(loginAction, "https://register.example/login", { email: official, password: DEMO_PASSWORD });
    expect(res.headers.get("Set-Cookie")).toMatch(/Secure/i);
  });
  it("gives the same answer for an unknown account and a wrong password", async () => {
    const unknown = await login("nobody@register.example", "whatever-password");
    const wrong = await login(official, "wrong-password-1");
    expect(unknown.status).toBe(400);
    expect(wrong.status).toBe(400);
    expect(unknown.data).toEqual({ ...(wrong.data as object), email: "nobody@register.example" });
    expect(wrong.data).toMatchObject({ formError: "loginInvalid" });
  });
  it("says which field is missing and keeps the e-mail typed", async () => {
    const res = await login(official, "");
    expect(res.status).toBe(400);
    expect(res.data).toEqual({ fieldErrors: { password: "loginPasswordRequired" }, email: official });
  });
  it(`does not lock the owner out after ${LOGIN_LIMITS.accountAddress.free} failures from other addresses`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.accountAddress.free; i++) expect((await login(official, `wrong-${i}-password`, { address: "198.51.100.7" })).status).toBe(400);
    expect((await login(official, DEMO_PASSWORD, { address: "198.51.100.7" })).status).toBe(429);
    expect((await login(official, DEMO_PASSWORD, { address: "198.51.100.99" })).status).toBe(302);
  });
  it(`slows an address down after ${LOGIN_LIMITS.address.free} failures across accounts`, async () => {
    for (let i = 0; i < LOGIN_LIMITS.address.free; i++) await login(`guess${i}@register.example`, "wrong-password-x", { address: "203.0.113.5" });
    const res = await login(official, DEMO_PASSWORD, { address: "203.0.113.5" });
    expect(res.status).toBe(429);
    expect(res.data).toMatchObject({ formError: "loginRateLimitedWait" });
    expect((await login(official, DEMO_PASSWORD, { address: "203.0.113.6" })).status).toBe(302);
  });
  it("refuses a login form posted from another site", async () => {
    const res = await login(official, DEMO_PASSWORD, { headers: { Origin: "https://evil.example", Host: "localhost" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("Set-Cookie")).toBeNull();
  });
  it("never redirects off the site after login", async () => {
    const res = await post(loginAction, "/login", { email: official, password: DEMO_PASSWORD, next: "//evil.example/x" });
    expect(res.headers.get("Location")).toBe("/account");
  });
  it("switches demo accounts off with DEMO_ACCOUNTS=off", async () => {
    const before = await login(official, DEMO_PASSWORD);
    await seedDemoAccounts(getDb(), { enabled: false });
    expect((await login(official, DEMO_PASSWORD, { address: "192.0.2.77" })).status).toBe(400);
    // The session opened before is over too.
    const res = await thrownResponse(callLoader(accountLoader, "/account", {}, { headers: { Cookie: cookieOf(before) } }));
    expect(res.status).toBe(302);
  });
});

describe("redirects stay on the site", () => {
  const HOSTILE = ["/..//evil.example/phish", "//evil.example/x", "/\\evil.example", "/%2F%2Fevil.example", "/%2e%2e//evil.example", "/\t/evil.example", "https://evil.example/"];
  const offSite = (location: string | null) => !location || !/^\/(?![/\\])/.test(location) || new URL(location, "https://register.example").origin !== "https://register.example";
  it("after login, whatever next says", async () => {
    for (const next of HOSTILE) {
      const res = await post(loginAction, "/login", { email: official, password: DEMO_PASSWORD, next });
      expect(res.status, next).toBe(302);
      expect(offSite(res.headers.get("Location")), next).toBe(false);
      expect(res.headers.get("Location"), next).toBe("/account");
    }
    const ok = await post(loginAction, "/login", { email: official, password: DEMO_PASSWORD, next: `/tools/${HEALTH_CODE}?x=1` });
    expect(ok.headers.get("Location")).toBe(`/tools/${HEALTH_CODE}?x=1`);
  });
  it("for a signed-in user opening the login page, and in the form's hidden field", async () => {
    const Cookie = cookieOf(await login(official, DEMO_PASSWORD));
    for (const next of HOSTILE) {
      const url = `/login?next=${encodeURIComponent(next)}`;
      const res = await thrownResponse(callLoader(loginLoader, url, {}, { headers: { Cookie } }));
      expect(res.status, next).toBe(302);
      expect(res.headers.get("Location"), next).toBe("/account");
      expect((await callLoader<{ next: string }>(loginLoader, url)).next, next).toBe("/account");
    }
  });
  it("after switching language", async () => {
    for (const to of HOSTILE) {
      const res = await post(langAction, "/lang", { lang: "en", to });
      expect(res.status, to).toBe(302);
      expect(res.headers.get("Location"), to).toBe("/");
    }
    expect((await post(langAction, "/lang", { lang: "en", to: "/agencies?x=1" })).headers.get("Location")).toBe("/agencies?x=1");
  });
});

describe("pages that need an account", () => {
  it("send anonymous visitors to the login page and back", async () => {
    const res = await thrownResponse(callLoader(accountLoader, "/account"));
    expect(res.status).toBe(302);
    expect(res.headers.get("Location")).toBe("/login?next=%2Faccount");
    const page = await callLoader<{ next: string }>(loginLoader, "/login?next=%2Faccount");
    expect(page.next).toBe("/account");
  });
  it("ignore a forged or expired session cookie", async () => {
    const res = await thrownResponse(callLoader(accountLoader, "/account", {}, { headers: { Cookie: "__session=InRva2VuIg%3D%3D" } }));
    expect(res.status).toBe(302);
  });
});

describe("logout", () => {
  it("needs the session's CSRF token, then ends the session", async () => {
    const res = await login(official, DEMO_PASSWORD);
    const Cookie = cookieOf(res);
    const root = await callLoader<{ user: { role: string } | null; csrf: string | null }>(rootLoader, "/", {}, { headers: { Cookie } });
    expect(root.user).toMatchObject({ role: "official" });

    const refused = await post(logoutAction, "/logout", { csrf: "wrong" }, { headers: { Cookie } });
    expect(refused.status).toBe(403);
    expect((await callLoader<{ user: unknown }>(rootLoader, "/", {}, { headers: { Cookie } })).user).not.toBeNull();

    const ok = await post(logoutAction, "/logout", { csrf: root.csrf! }, { headers: { Cookie } });
    expect(ok.status).toBe(302);
    expect(ok.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/i);
    expect((await callLoader<{ user: unknown }>(rootLoader, "/", {}, { headers: { Cookie } })).user).toBeNull();
  });
});

describe("accounts", () => {
  it("are stored without the password", () => {
    const rows = getDb().$client.prepare(`SELECT * FROM users`).all();
    expect(rows.length).toBe(DEMO_ACCOUNTS.length);
    expect(JSON.stringify(rows)).not.toContain(DEMO_PASSWORD);
  });
  it("are validated field by field", async () => {
    const err = await createUser(ctxOf(), { email: "not-an-email", displayName: "", role: "official", password: "short" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(Object.keys((err as RegistryError).fields).sort()).toEqual(["agency", "displayName", "email", "password"]);
    expect(worded(err as RegistryError, "password", "en")).toBe("Use at least 12 characters.");
    expect(worded(err as RegistryError, "password", "zh")).toBe("密码至少需要 12 个字符。");
    const dup = await createUser(ctxOf(), { email: official.toUpperCase(), displayName: "Dup", role: "admin", password: "long-enough-password" }).catch((e: unknown) => e);
    expect((dup as RegistryError).fields).toEqual({ email: ["err_email_taken"] });
    expect(worded(dup as RegistryError, "email", "en")).toBe("An account with this e-mail already exists.");
    expect(worded(dup as RegistryError, "email", "zh")).toBe("该电子邮箱已有账户。");
    const bad = await createUser(ctxOf(), { email: "new@register.example", displayName: "New", role: "reviewer", agency: "no-such-agency", password: "long-enough-password" }).catch((e: unknown) => e);
    expect((bad as RegistryError).fields).toEqual({ agency: ["err_agency_unknown"] });
    expect(worded(bad as RegistryError, "agency", "en")).toContain("no agency “no-such-agency”");
    expect(worded(bad as RegistryError, "agency", "zh")).toContain("没有机构“no-such-agency”");
  });
});
