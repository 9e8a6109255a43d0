// Public tool ids (ALG-000123): stable, never changed, never reused, and always in the format of
// the standard (ToolId): six digits up to ALG-999999, then seven to nine (ALG-1000000), so a
// national register can pass a million tools. The register counts them out itself; an id a bulk
// import keeps from another register (a move or a restore) is taken as it is and skipped by the
// counter, but never moves it. Tools are never deleted, so an id that is free has never been used
// here. Ids of one width sort as text in number order; the walks below go one width at a time.
import { getDb, stmt, type Db } from "../shared/db.server";
import { RegistryError } from "../shared/errors";
import { ToolId } from "../standard/v1";

const PREFIX = "ALG-";
const DIGITS = 6;
const MAX_DIGITS = 9;
/** The highest number the format can hold. */
export const TOOL_ID_MAX = 10 ** MAX_DIGITS - 1;

/** Digits of the id of number n (at least six). */
const widthOf = (n: number) => Math.max(DIGITS, String(n).length);


export function formatToolId(n: number): string {
  return `${PREFIX}${String(n).padStart(DIGITS, "0")}`;
}

/** Whether `id` is in the format of the standard. */
export function isToolId(id: unknown): id is string {
  return typeof id === "string" && ToolId.safeParse(id).success;
}

export function toolIdTaken(id: string, db: Db = getDb()): boolean {
  return stmt(db, `SELECT 1 FROM tools WHERE id = ?`).get(id) !== undefined;
}

// Per connection, a number at or below the lowest free one: every number under it is taken.
// Ids are never deleted, so it only has to move up; another process may have taken numbers
// above it meanwhile, which the walk below steps over.
const lowestFreeHint = new WeakMap<object, number>();

/**
 * The id for a new tool: the lowest free number. Ids taken by imports are stepped over, whatever
 * their number. The answer is checked against the format, and is free in the caller's
 * transaction (call it in the transaction that inserts the tool, so no one takes it in between).
 * Throws RegistryError("ids_exhausted") (params: last, the highest id) when every number of the format is taken.
 */
export function allocateToolId(db: Db = getDb()): string {
  let n = lowestFreeHint.get(db.$client) ?? 1;
  // A rolled-back transaction can free numbers under the hint: then walk from the start again.
  if (n > 1 && !toolIdTaken(formatToolId(n - 1), db)) n = 1;
  n = lowestFreeFrom(n, db);
  if (n > TOOL_ID_MAX) throw new RegistryError("ids_exhausted", { params: { last: formatToolId(TOOL_ID_MAX) } });
  const toolId = formatToolId(n);
  if (!isToolId(toolId) || toolIdTaken(toolId, db)) throw new Error(`The id allocator produced ${toolId}, which is not a free tool id.`);
  lowestFreeHint.set(db.$client, n);
  return toolId;
}

/** The lowest number at or above n whose id is free (TOOL_ID_MAX + 1 when none is); ids not in the format are passed over. */
export function lowestFreeFrom(n: number, db: Db = getDb()): number {
  while (n <= TOOL_ID_MAX) {
    const width = widthOf(n);
    const last = 10 ** width - 1;
    const taken = stmt(db, `SELECT id FROM tools WHERE id >= ? AND id <= ? AND length(id) = ? ORDER BY id`).iterate(formatToolId(n), formatToolId(last), PREFIX.length + width) as IterableIterator<{ id: string }>;
    for (const { id } of taken) {
      if (!isToolId(id)) continue;
      const k = Number(id.slice(PREFIX.length));
      if (k > n) break;
      if (k === n) n++;
    }
    // Free within this width, or every number of it from n on is taken: go on with the next.
    if (n <= last) return n;
  }
  return n;
}

/**
 * Free ids in increasing order, lowest first, for a file that needs many before it writes any
 * (a foreign-format import): the same rule as allocateToolId (taken ids of any number are stepped
 * over, never moving the count). The ids are free when the walk passes them; write them in the
 * transaction that checks them (the whole-record import refuses an id that has become taken).
 * Throws RegistryError("ids_exhausted") past the last id of the format.
 */
export function* freeToolIds(db: Db = getDb()): Generator<string> {
  let n = 1;
  const taken = stmt(db, `SELECT id FROM tools WHERE id GLOB 'ALG-[0-9]*'`).pluck().all() as string[];
  const numbers = taken
    .filter(isToolId)
    .map((id) => Number(id.slice(PREFIX.length)))
    .sort((a, b) => a - b);
  let i = 0;
  for (;;) {
    while (i < numbers.length && numbers[i]! < n) i++;
    if (i < numbers.length && numbers[i] === n) {
      n++;
      continue;
    }
    if (n > TOOL_ID_MAX) throw new RegistryError("ids_exhausted", { params: { last: formatToolId(TOOL_ID_MAX) } });
    yield formatToolId(n++);
  }
}
