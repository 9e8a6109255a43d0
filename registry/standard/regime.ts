// Which rules govern a record (standard v1.1 `regime`): this register's own (also when the field
// is absent, as in every v1 record), or those of the foreign register it is mirrored from. A
// mirrored record is never judged by this register's rules: no lapse or review claim in this
// register's terms, no place among the tools "running without a lawful end date". Every page,
// list and count asks this module, so the rule has one home.
import type { ToolRecord } from "./v1";

export type MirroredRegime = Extract<NonNullable<ToolRecord["regime"]>, { governedBy: "source_register" }>;

/** The foreign register's regime of a mirrored record, or null for a record this register governs. */
export function mirroredFrom(record: Pick<ToolRecord, "regime">): MirroredRegime | null {
  return record.regime?.governedBy === "source_register" ? record.regime : null;
}

/** Whether the record is mirrored from another register (and so governed by its rules, not this one's). */
export function isMirrored(record: Pick<ToolRecord, "regime">): boolean {
  return mirroredFrom(record) !== null;
}

/** The regime as a word for lists and filters: "this_register" or "source_register". */
export function regimeKind(record: Pick<ToolRecord, "regime">): "this_register" | "source_register" {
  return isMirrored(record) ? "source_register" : "this_register";
}
