// The hash chain of the event log, without a database: the same code verifies the chain on the
// server (`npm run verify-log`, /log) and could run in any client that downloads /log.json.
//
// hash(row) = SHA-256 over the canonical JSON (keys sorted, no whitespace) of
//   { id, at, kind, toolId, actor, payload, prevHash }
// where payload is the event's details as a JSON value and prevHash is the previous row's hash
// (64 zeros for the first row).
import { createHash } from "node:crypto";
import { canonicalJson } from "../shared/canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export type ChainEvent = {
  id: number;
  at: string;
  kind: string;
  toolId: string | null;
  actor: string;
  payload: unknown;
  prevHash: string;
  hash: string;
};

export function eventHash(e: Omit<ChainEvent, "hash">): string {
  const body = canonicalJson({ id: e.id, at: e.at, kind: e.kind, toolId: e.toolId, actor: e.actor, payload: e.payload, prevHash: e.prevHash });
  return createHash("sha256").update(body).digest("hex");
}

export type ChainCheck =
  | { ok: true; count: number; lastHash: string }
  | { ok: false; count: number; firstBroken: { id: number; reason: "hash_mismatch" | "prev_hash_mismatch" | "id_gap" } };

/**
 * Walks events in id order and names the first row that does not follow from the one before:
 * its own hash does not match its content, its prevHash is not the previous row's hash, or its
 * id skips (a deleted row).
 */
export function verifyChain(events: Iterable<ChainEvent>, start: { prevHash: string; prevId: number } = { prevHash: GENESIS_HASH, prevId: 0 }): ChainCheck {
  let prevHash = start.prevHash;
  let prevId = start.prevId;
  let count = 0;
  for (const e of events) {
    if (e.id !== prevId + 1) return { ok: false, count, firstBroken: { id: e.id, reason: "id_gap" } };
    if (e.prevHash !== prevHash) return { ok: false, count, firstBroken: { id: e.id, reason: "prev_hash_mismatch" } };
    if (eventHash(e) !== e.hash) return { ok: false, count, firstBroken: { id: e.id, reason: "hash_mismatch" } };
    prevHash = e.hash;
    prevId = e.id;
    count++;
  }
  return { ok: true, count, lastHash: prevHash };
}
