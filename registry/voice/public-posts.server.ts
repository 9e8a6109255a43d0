// What public comments and reports share: the client address is kept only as a keyed hash
// (HMAC with this database's own secret, see client-address.server.ts), and each address may
// post a few times a minute.
import { stmt, type Db } from "../shared/db.server";
import { clientAddressHmac, rateLimitAddress } from "../shared/client-address.server";

export const POSTS_PER_ADDRESS_PER_MINUTE = 3;

export function addressHash(scope: "comment" | "report", address: string, db: Db): string {
  return clientAddressHmac(scope, rateLimitAddress(address), db);
}

/** Whether this address has used up its posts in the last minute (`table` holds address_hash, created_at). */
export function overPostLimit(db: Db, table: "comments" | "reports", hash: string, now: Date): boolean {
  const since = new Date(now.getTime() - 60_000).toISOString();
  return (stmt(db, `SELECT count(*) AS n FROM ${table} WHERE address_hash = ? AND created_at > ?`).get(hash, since) as { n: number }).n >= POSTS_PER_ADDRESS_PER_MINUTE;
}
