// Client addresses are never stored as they are, nor as a plain hash (every IPv4 address can be
// hashed in minutes): only as an HMAC-SHA256 keyed with a secret that lives in this database
// alone (register_secrets). Rate limits only need to tell addresses apart, not to read them.
//
// The key is created once per database with INSERT OR IGNORE and then read back, so workers
// that start together agree on the first one written. It is never exported, mirrored, logged or
// served: nothing outside this module reads register_secrets.
import { createHmac, randomBytes } from "node:crypto";
import { isIPv4, isIPv6 } from "node:net";
import type Database from "better-sqlite3";
import { stmt, type Db } from "./db.server";

const SECRET_NAME = "client_address_hmac_key";
const keys = new WeakMap<Database.Database, Buffer>();

function addressKey(db: Db): Buffer {
  const cached = keys.get(db.$client);
  if (cached) return cached;
  stmt(db, `INSERT OR IGNORE INTO register_secrets (name, value, created_at) VALUES (?, ?, ?)`).run(
    SECRET_NAME,
    randomBytes(32).toString("base64url"),
    new Date().toISOString(),
  );
  const row = stmt(db, `SELECT value FROM register_secrets WHERE name = ?`).get(SECRET_NAME) as { value: string };
  const key = Buffer.from(row.value, "base64url");
  keys.set(db.$client, key);
  return key;
}

/**
 * The keyed hash under which a client address is stored for one purpose. Each purpose gets its
 * own hash, so a comment's row cannot be linked to a login attempt by comparing values.
 */
export function clientAddressHmac(purpose: "comment" | "report" | "login" | "login-account", address: string, db: Db): string {
  return createHmac("sha256", addressKey(db)).update(`${purpose}\u0000${address}`).digest("hex");
}

/**
 * The part of a client address that rate limits count by: an IPv4 address as it is (also when
 * written IPv4-mapped, "::ffff:192.0.2.1"), an IPv6 address by its /64 network, since one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address per attempt.
 * Anything else (e.g. "unknown") is kept as it is.
 */
export function rateLimitAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(a);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (isIPv4(a) || !isIPv6(a.replace(/%.*$/, ""))) return a;
  const plain = a.replace(/%.*$/, "");
  const [head, tail] = plain.includes("::") ? plain.split("::") : [plain, undefined];
  const groups = (s: string | undefined) => (s ? s.split(":") : []).flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const h = groups(head);
  const t = tail === undefined ? [] : groups(tail);
  const full = tail === undefined ? h : [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t];
  return `${full.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}
