// Who an import acts as, row by row: the official importing, or for an admin's table the
// official of each row's agency; the account a command-line import acts as; how an agency is named
// in a message; and whether an uploaded file holds whole records (which become drafts elsewhere).
import type { Actor } from "../../auth/roles";
import { actorById } from "../../auth/accounts.server";
import { getDb, stmt, type Db } from "../../shared/db.server";
import { RegistryError } from "../../shared/errors";
import { looksLikeRecords } from "../records/read";
import { IMPORT_MAX_BYTES } from "./limits";
import type { FieldError } from "./read-file";

/** The file's text when it is UTF-8 and holds whole records (the whole-record format), else null. */
export function recordsText(bytes: Uint8Array): string | null {
  if (bytes.byteLength > IMPORT_MAX_BYTES) return null;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  return looksLikeRecords(text) ? text : null;
}

export type Importer = Actor & { agencyId: number; agencySlug: string };
/** Who writes a row's draft: the official importing, or for an admin's file, an official of the row's agency; else why not. */
export type RowActor = (agency: string | null) => { actor: Importer; error?: undefined } | { actor?: undefined; error: FieldError };

/**
 * For an admin's file: each row names its agency (the `agency` column), which must be in the
 * register and have an active official, who becomes the draft's author, so the agency carries
 * on with it (as the command line picks the agency's first active official). Otherwise the row
 * has a problem; nothing is written for another agency than the one named.
 */
export function adminRowActor(db: Db): RowActor {
  const cache = new Map<string, ReturnType<RowActor>>();
  const agencyRow = stmt(db, `SELECT id FROM agencies WHERE slug = ?`);
  const officialRow = stmt(db, `SELECT id FROM users WHERE agency_id = ? AND role = 'official' AND disabled_at IS NULL ORDER BY id LIMIT 1`);
  return (agency) => {
    if (agency === null) return { error: { field: "agency", code: "err_import_agency_required" } };
    const known = cache.get(agency);
    if (known) return known;
    const a = agencyRow.get(agency) as { id: number } | undefined;
    const u = a ? (officialRow.get(a.id) as { id: number } | undefined) : undefined;
    const official = u ? actorById(u.id, db) : null;
    const out: ReturnType<RowActor> = !a
      ? { error: { field: "agency", code: "err_import_agency_unknown_row", params: { agency } } }
      : !official || official.role !== "official" || official.agencyId !== a.id || !official.agencySlug
        ? { error: { field: "agency", code: "err_import_agency_no_official", params: agencyNames(agency, db) } }
        : { actor: official as Importer };
    cache.set(agency, out);
    return out;
  };
}

/** An agency's names for a message: the Chinese name with the English one in brackets; what the row typed when the register has no such agency. */
export function agencyNames(slug: string, db: Db, given?: { zh?: string; en?: string }): { agency: string } {
  const row = stmt(db, `SELECT name_zh, name_en FROM agencies WHERE slug = ?`).get(slug) as { name_zh: string | null; name_en: string | null } | undefined;
  const zh = row?.name_zh ?? given?.zh;
  const en = row?.name_en ?? given?.en;
  return { agency: zh && en && zh !== en ? `${zh} (${en})` : (zh ?? en ?? slug) };
}

/**
 * The account a command-line import acts as: the named official, or else the agency's first
 * active official, so the drafts have an author who can carry on with them in the register.
 */
export function importActorFor(agencySlug: string, email: string | undefined, db: Db = getDb()): Actor {
  const agency = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(agencySlug) as { id: number } | undefined;
  if (!agency) throw new RegistryError("not_found", { issues: [{ code: "err_import_agency_unknown", params: { agency: agencySlug } }] });
  const row = (
    email
      ? stmt(db, `SELECT id FROM users WHERE email = ? AND disabled_at IS NULL`).get(email.trim().toLowerCase())
      : stmt(db, `SELECT id FROM users WHERE agency_id = ? AND role = 'official' AND disabled_at IS NULL ORDER BY id LIMIT 1`).get(agency.id)
  ) as { id: number } | undefined;
  const actor = row ? actorById(row.id, db) : null;
  if (!actor)
    throw new RegistryError("not_found", {
      issues: [email ? { code: "err_import_account_unknown", params: { email } } : { code: "err_import_no_official", params: { agency: agencySlug } }],
    });
  if (actor.role !== "official" || actor.agencyId !== agency.id) throw new RegistryError("forbidden", { issues: [{ code: "err_import_not_official", params: { email: actor.email, agency: agencySlug } }] });
  return actor;
}
