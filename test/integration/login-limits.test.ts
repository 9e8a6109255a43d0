// Login limits under attack: every attempt is reserved before its password check, so bursts of
// concurrent guesses run no more checks than the limits allow; the limits are back-offs per
// account-and-address, per address and (higher) per account, so guessing from one address never
// locks the owner out; and client addresses are stored only as keyed hashes.
import { describe, expect, it, vi } from "vitest";
import { createHash } from "node:crypto";
import { freshDb, useFreshDb } from "../helpers/db";
import { openDatabase } from "../../db/client.server";
import { clientAddressHmac, rateLimitAddress } from "../../registry/shared/client-address.server";
import { postComment } from "../../registry/voice/comments.server";
import { login, LOGIN_LIMITS, loginBackoffMs } from "../../registry/auth/sessions.server";
import { ctxOf } from "../../registry/shared/context";
import { verifyPassword } from "../../registry/auth/password.server";
import { action as loginAction } from "~/routes/login";
import { translate } from "~/i18n/strings";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedId } from "../helpers/seed";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");

const getDb = useFreshDb();
vi.setConfig({ testTimeout: 30_000 }); // scrypt on a shared machine
const official = DEMO_ACCOUNTS.find((a) => a.role === "official")!.email;
const T0 = new Date("2026-06-01T08:00:00Z");
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

/** A password verifier that counts its scrypt checks. */
function countingVerifier() {
  const counter = { checks: 0 };
  const verify = (password: string, hash: string) => {
    counter.checks++;
    return verifyPassword(password, hash);
  };
  return { counter, verify };
}

async function postLogin(email: string, password: string, address: string) {
  const request = new Request("http://localhost/login", { method: "POST", body: new URLSearchParams({ email, password, next: "/account" }) });
  let out: unknown;
  try {
    out = await loginAction({ request, params: {}, context: { clientAddress: address } });
  } catch (e) {
    out = e;
  }
  if (out instanceof Response) return { status: out.status, headers: out.headers, data: null as null | Record<string, unknown> };
  const d = out as { data: Record<string, unknown>; init?: { status?: number; headers?: HeadersInit } };
  return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), data: d.data };
}

describe("concurrent attempts", () => {
  it("30 concurrent wrong passwords for one account from one address run at most 5 password checks", async () => {
    const { counter, verify } = countingVerifier();
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login(ctxOf({ address: "203.0.113.7", now: T0 }), { email: official, password: `wrong-password-${i}` }, { verify })),
    );
    expect(counter.checks).toBe(LOGIN_LIMITS.accountAddress.free);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_LIMITS.accountAddress.free);
    expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(30 - LOGIN_LIMITS.accountAddress.free);
  });

  it("60 concurrent attempts from one address on many accounts run at most 20 password checks", async () => {
    const { counter, verify } = countingVerifier();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => login(ctxOf({ address: "203.0.113.8", now: T0 }), { email: `guess${i}@register.example`, password: "wrong-password-x" }, { verify })),
    );
    expect(counter.checks).toBe(LOGIN_LIMITS.address.free);
    expect(results.filter((r) => !r.ok && r.reason === "invalid")).toHaveLength(LOGIN_LIMITS.address.free);
    // Another address is not affected.
    expect(await login(ctxOf({ address: "203.0.113.9", now: T0 }), { email: official, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  });

  it("workers on separate connections to one database share the reservations", async () => {
    const file = getDb().$client.name;
    const other = openDatabase(file);
    try {
      const { counter, verify } = countingVerifier();
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          login(ctxOf({ address: "203.0.113.11", now: T0, db: i % 2 ? other : getDb() }), { email: official, password: `wrong-password-${i}` }, { verify }),
        ),
      );
      expect(counter.checks).toBe(LOGIN_LIMITS.accountAddress.free);
      expect(results.filter((r) => !r.ok && r.reason === "rate_limited")).toHaveLength(30 - LOGIN_LIMITS.accountAddress.free);
    } finally {
      other.$client.close();
    }
  });

  it("a right password reserved alongside wrong ones still counts only once", async () => {
    const { counter, verify } = countingVerifier();
    const results = await Promise.all([
      login(ctxOf({ address: "203.0.113.10", now: T0 }), { email: official, password: DEMO_PASSWORD }, { verify }),
      ...Array.from({ length: 9 }, () => login(ctxOf({ address: "203.0.113.10", now: T0 }), { email: official, password: "wrong-password-y" }, { verify })),
    ]);
    expect(results[0]).toMatchObject({ ok: true });
    expect(counter.checks).toBeLessThanOrEqual(LOGIN_LIMITS.accountAddress.free);
  });
});

describe("back-off instead of lock-out", () => {
  it("after five wrong passwords from A, the right password from B signs in at once, and A is told to wait", async () => {
    for (let i = 0; i < 5; i++) expect((await postLogin(official, `wrong-${i}-password`, "198.51.100.1")).status).toBe(400);
    const fromB = await postLogin(official, DEMO_PASSWORD, "198.51.100.2");
    expect(fromB.status).toBe(302);
    expect(fromB.headers.get("Location")).toBe("/account");

    const fromA = await postLogin(official, DEMO_PASSWORD, "198.51.100.1");
    expect(fromA.status).toBe(429);
    expect(fromA.data).toMatchObject({ formError: "loginRateLimitedWait", waitMinutes: 1 });
    expect(Number(fromA.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(Number(fromA.headers.get("Retry-After"))).toBeLessThanOrEqual(LOGIN_LIMITS.accountAddress.baseSeconds);
    expect(translate("en", "loginRateLimitedWait", { minutes: 1 })).toBe("Too many failed attempts. Try again in 1 min.");
    expect(translate("zh", "loginRateLimitedWait", { minutes: 1 })).toBe("失败次数过多。请在1分钟后再试。");
  });

  it("doubles the wait after each further failure, up to the cap, and the right password clears it", async () => {
    const attempt = (s: number, password = "wrong-password-z") => login(ctxOf({ address: "198.51.100.3", now: at(s) }), { email: official, password });
    for (let i = 0; i < 5; i++) expect(await attempt(0)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attempt(1)).toMatchObject({ ok: false, reason: "rate_limited", retryAfterSeconds: 59 });
    expect(await attempt(60)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attempt(61)).toMatchObject({ ok: false, reason: "rate_limited", retryAfterSeconds: 119 });
    expect(await attempt(180)).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attempt(181)).toMatchObject({ ok: false, reason: "rate_limited", retryAfterSeconds: 239 });
    expect(loginBackoffMs("accountAddress", 30, T0, T0)).toBe(LOGIN_LIMITS.accountAddress.maxSeconds * 1000);
    expect(await attempt(420, DEMO_PASSWORD)).toMatchObject({ ok: true });
    // The pair starts afresh.
    for (let i = 0; i < 5; i++) expect(await attempt(421)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it(`slows guessing spread over many addresses after ${LOGIN_LIMITS.account.free} failures for one account`, async () => {
    // A verifier that says "wrong" without the scrypt work, to keep the test quick.
    const wrong = () => Promise.resolve(false);
    for (let i = 0; i < LOGIN_LIMITS.account.free; i++)
      expect(await login(ctxOf({ address: `10.0.${i >> 8}.${i & 255}`, now: T0 }), { email: official, password: "wrong-password-d" }, { verify: wrong })).toMatchObject({ reason: "invalid" });
    expect(await login(ctxOf({ address: "10.9.9.9", now: T0 }), { email: official, password: "wrong-password-d" }, { verify: wrong })).toMatchObject({ reason: "rate_limited" });
    expect(await login(ctxOf({ address: "10.9.9.9", now: at(LOGIN_LIMITS.account.baseSeconds) }), { email: official, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  });

  it("gives an unknown account the same answers as a wrong password, limits included", async () => {
    const { counter, verify } = countingVerifier();
    const known = await Promise.all(Array.from({ length: 7 }, () => login(ctxOf({ address: "198.51.100.4", now: T0 }), { email: official, password: "wrong-password-u" }, { verify })));
    const unknown = await Promise.all(Array.from({ length: 7 }, () => login(ctxOf({ address: "198.51.100.5", now: T0 }), { email: "nobody@register.example", password: "wrong-password-u" }, { verify })));
    expect(unknown).toEqual(known);
    expect(counter.checks).toBe(10);
  });
});

describe("what counts as one address", () => {
  it("an IPv4 address however written, and an IPv6 address by its /64", () => {
    expect(rateLimitAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitAddress("192.0.2.1")).toBe("192.0.2.1");
    expect(rateLimitAddress("2001:db8:1:2:3:4:5:6")).toBe(rateLimitAddress("2001:DB8:0001:0002::abcd"));
    expect(rateLimitAddress("2001:db8:1:2::1")).not.toBe(rateLimitAddress("2001:db8:1:3::1"));
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });

  it("a fresh IPv6 address per attempt from one /64 is still one address", async () => {
    const wrong = () => Promise.resolve(false);
    for (let i = 0; i < LOGIN_LIMITS.address.free; i++)
      expect(await login(ctxOf({ address: `2001:db8:7:7::${(i + 1).toString(16)}`, now: T0 }), { email: `guess${i}@register.example`, password: "wrong-password-6" }, { verify: wrong })).toMatchObject({ reason: "invalid" });
    expect(await login(ctxOf({ address: "2001:db8:7:7:ffff::1", now: T0 }), { email: "guess-last@register.example", password: "wrong-password-6" }, { verify: wrong })).toMatchObject({ reason: "rate_limited" });
    expect(await login(ctxOf({ address: "2001:db8:7:8::1", now: T0 }), { email: official, password: DEMO_PASSWORD })).toMatchObject({ ok: true });
  });
});

describe("client addresses at rest", () => {
  it("are keyed hashes under one key per database, which every handle on it agrees on", () => {
    const a = freshDb();
    const b = freshDb();
    const second = openDatabase(a.file);
    try {
      const h = clientAddressHmac("comment", "192.0.2.1", a.db);
      expect(clientAddressHmac("comment", "192.0.2.1", second)).toBe(h);
      expect(clientAddressHmac("comment", "192.0.2.1", b.db)).not.toBe(h);
      expect(clientAddressHmac("report", "192.0.2.1", a.db)).not.toBe(h);
      expect((a.db.$client.prepare(`SELECT count(*) AS n FROM register_secrets`).get() as { n: number }).n).toBe(1);
    } finally {
      second.$client.close();
      a.close();
      b.close();
    }
  });

  it("comments keep no plain hash of the address", async () => {
    const r = await postComment(ctxOf({ address: "192.0.2.124", now: T0 }), { toolId: SUISHEN_CODE, comment: { body: "A question." } });
    expect(r).toMatchObject({ ok: true });
    const { address_hash } = getDb().$client.prepare(`SELECT address_hash FROM comments ORDER BY id DESC LIMIT 1`).get() as { address_hash: string };
    const plain = createHash("sha256").update("comment-address:192.0.2.124").digest("hex");
    expect(plain.startsWith(address_hash)).toBe(false);
    expect(address_hash).toBe(clientAddressHmac("comment", "192.0.2.124", getDb()));
  });

  it("login failures keep no client address or e-mail, and no plain hash of either", async () => {
    const address = "192.0.2.123";
    await login(ctxOf({ address, now: T0 }), { email: official, password: "wrong-password-s" });
    const rows = getDb().$client.prepare(`SELECT bucket FROM login_failures`).all() as { bucket: string }[];
    expect(rows.length).toBeGreaterThan(0);
    const text = JSON.stringify(rows);
    const plain = (s: string) => createHash("sha256").update(s).digest("hex");
    for (const leak of [address, official, plain(address), plain(`address:${address}`), plain(official)]) expect(text).not.toContain(leak);
    expect(rows.some((r) => /^address:[0-9a-f]{64}$/.test(r.bucket))).toBe(true);
  });
});
