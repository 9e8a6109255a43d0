// The API's schemas of the event log: an event of the hash chain, the chain's head, the problems
// a full check finds, the latest check, and a page of events.
import { EVENT_KINDS } from "../../log/log.server";
import { CHAIN_PROBLEM_CODES, MAX_PROBLEMS } from "../../log/verify.server";
import { arr, bool, cursorFields, dateTime, int, nullable, obj, oneOf, ref, sha256, str, toolId, type Schema, type SchemaName } from "./openapi-schema-kit";

const chainHead = obj(
  { id: int({ minimum: 1 }), hash: sha256 },
  [],
  { description: "An event of the log by id and hash. Keep a copy: `npm run verify-log -- --expect <id>:<hash>` checks that the register still contains it unchanged." },
);

const chainProblem = obj(
  {
    code: oneOf(CHAIN_PROBLEM_CODES, {
      description:
        "chain_broken: an event does not follow from the one before; anchor_missing / anchor_mismatch: the checkpoint the server keeps outside the database names an event that is gone or has another hash (entries deleted from the end, or the chain rewritten); record_hash_mismatch: a submitted revision's text does not match its hash; record_event_mismatch: its hash is not the one logged; status_mismatch: its review status is not the one the log gives it; revision_unlogged: a public revision no event records; revision_missing: an event names a revision that is gone; projection_status_mismatch: a tool is listed with another review status than its published revision's.",
    }),
    event: int({ minimum: 0, description: "The event concerned." }),
    reason: oneOf(["hash_mismatch", "prev_hash_mismatch", "id_gap"]),
    source: oneOf(["checkpoint", "expected"]),
    lastEvent: int({ minimum: 0, description: "The last event in the log." }),
    expected: sha256,
    found: sha256,
    tool: toolId,
    revision: int({ minimum: 1 }),
    status: str({ description: "The review status in the database." }),
    logged: str({ description: "The review status the log gives." }),
    file: str({ description: "Always empty: the server's file names are not published." }),
  },
  ["event", "reason", "source", "lastEvent", "expected", "found", "tool", "revision", "status", "logged", "file"],
);

const chainCheck = nullable(
  obj(
    {
      checkedAt: dateTime,
      ok: bool,
      head: nullable(ref("ChainHead")),
      count: int({ minimum: 0, description: "Events checked." }),
      problemCount: int({ minimum: 0 }),
      problems: arr(ref("ChainProblem"), { description: `The first problems found (at most ${MAX_PROBLEMS}).` }),
      fullCheckedAt: dateTime,
      fullHeadId: nullable(int({ minimum: 1, description: "The latest entry at the latest full check; the entries after it were checked as they were added." })),
    },
    [],
    {
      description:
        "The latest check. The full check (the hash chain, the checkpoint kept outside the database, and every submitted revision's record hash and review status against the log) runs about every minute, at fullCheckedAt; after each change the server checks the new entries and the tools they name, which moves checkedAt and head. null before the first check.",
    },
  ),
);

/** The log's component schemas, by name. */
export function logSchemas() {
  return {
    ChainEvent: obj({
      id: int({ minimum: 1 }),
      at: dateTime,
      kind: str({ description: `What happened. Current kinds: ${EVENT_KINDS.join(", ")}; new kinds may be added.` }),
      toolId: nullable(toolId),
      actor: str({ description: "A role and agency (e.g. official@shanghai-municipal-government), the public or the system; never a person." }),
      payload: { description: "The event's details as a JSON value." },
      prevHash: sha256,
      hash: sha256,
    }),
    ChainHead: chainHead,
    ChainProblem: chainProblem,
    ChainCheck: chainCheck,
    EventList: obj({
      query: obj({ tool: toolId }, ["tool"]),
      notices: arr(ref("Notice")),
      hashAlgorithm: str(),
      head: nullable({ ...ref("ChainHead"), description: "The latest event of the whole log when this answer was made (whatever the filter)." }),
      verification: ref("ChainCheck"),
      total: int({ minimum: 0, description: "Events matching the query (all pages)." }),
      items: arr(ref("ChainEvent")),
      ...cursorFields,
    }),
  } satisfies Partial<Record<SchemaName, Schema>>;
}
