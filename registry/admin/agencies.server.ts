// Agencies on the web: an admin lists, adds and edits them. The slug is given or proposed from
// the English name, and never changes once made (records and the log name agencies by it).
// Every change is an event in the chain, in the same transaction.
import { z } from "zod";
import { stmt, type Db } from "../shared/db.server";
import { parseInput, type Ctx } from "../shared/context";
import { invalid, RegistryError } from "../shared/errors";
import { JURISDICTION_LEVELS, Slug } from "../standard/v1";
import { appendEvent } from "../log/log.server";
import { requireAdmin } from "./guard";

export type AdminAgency = {
  slug: string;
  nameZh: string | null;
  nameEn: string | null;
  parentSlug: string | null;
  jurisdictionLevel: string;
  placeZh: string | null;
  placeEn: string | null;
};

type Row = { slug: string; name_zh: string | null; name_en: string | null; parent_slug: string | null; jurisdiction_level: string; place_zh: string | null; place_en: string | null };
const SELECT = `SELECT a.slug, a.name_zh, a.name_en, p.slug AS parent_slug, a.jurisdiction_level, a.place_zh, a.place_en FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id`;
const toAgency = (r: Row): AdminAgency => ({
  slug: r.slug,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  parentSlug: r.parent_slug,
  jurisdictionLevel: r.jurisdiction_level,
  placeZh: r.place_zh,
  placeEn: r.place_en,
});

/** Every agency, by Chinese name. Also what the account form's agency list is made of. */
export async function listAgenciesForAdmin(ctx: Ctx): Promise<AdminAgency[]> {
  requireAdmin(ctx);
  return (stmt(ctx.db, `${SELECT} ORDER BY coalesce(a.name_zh, a.name_en, a.slug)`).all() as Row[]).map(toAgency);
}

/** A slug from an English name: "Hangzhou Data Resources Bureau" -> "hangzhou-data-resources-bureau". */
export function proposeSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optText = (max: number) => z.preprocess(blank, z.string().trim().max(max).optional());
const Fields = {
  nameZh: z.preprocess(blank, z.string({ message: "err_agency_name_missing" }).trim().min(1, "err_agency_name_missing").max(300)),
  nameEn: optText(300),
  parent: z.preprocess(blank, Slug.optional()),
  jurisdictionLevel: z.enum(JURISDICTION_LEVELS, { message: "err_jurisdiction_invalid" }),
  placeZh: optText(200),
  placeEn: optText(200),
};
const CreateInput = z.object({ slug: z.preprocess(blank, Slug.optional()), ...Fields });
const UpdateInput = z.object({ slug: Slug, ...Fields });
export type AgencyInput = z.input<typeof CreateInput>;

function parentId(db: Db, parent: string | undefined, self: string): number | null {
  if (!parent) return null;
  const row = stmt(db, `SELECT id FROM agencies WHERE slug = ?`).get(parent) as { id: number } | undefined;
  if (!row) throw invalid([{ code: "err_agency_unknown", path: "parent", params: { agency: parent } }]);
  // No agency may be its own ancestor.
  for (let slug: string | null = parent, n = 0; slug && n < 100; n++) {
    if (slug === self) throw invalid([{ code: "err_agency_parent_cycle", path: "parent" }]);
    slug = (stmt(db, `SELECT p.slug FROM agencies a LEFT JOIN agencies p ON p.id = a.parent_id WHERE a.slug = ?`).get(slug) as { slug: string | null } | undefined)?.slug ?? null;
  }
  return row.id;
}

const values = (a: z.output<typeof UpdateInput>, parent: number | null) => ({
  slug: a.slug,
  nameZh: a.nameZh,
  nameEn: a.nameEn ?? null,
  parent,
  level: a.jurisdictionLevel,
  placeZh: a.placeZh ?? null,
  placeEn: a.placeEn ?? null,
});

/** What an agency event says: the public facts of the agency, as its page shows them. */
const payloadOf = (a: z.output<typeof UpdateInput>) => ({
  agency: a.slug,
  name: { zh: a.nameZh, ...(a.nameEn ? { en: a.nameEn } : {}) },
  parent: a.parent ?? null,
  jurisdictionLevel: a.jurisdictionLevel,
});

export async function createAgency(ctx: Ctx, input: AgencyInput): Promise<{ slug: string }> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const parsed = parseInput(CreateInput, input);
  const slug = parsed.slug ?? (parsed.nameEn ? proposeSlug(parsed.nameEn) : "");
  if (!slug) throw invalid([{ code: "err_agency_slug_missing", path: "slug" }]);
  const a = { ...parsed, slug };
  return db.$client.transaction(() => {
    if (stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(slug)) throw invalid([{ code: "err_agency_slug_taken", path: "slug", params: { slug } }]);
    const parent = parentId(db, a.parent, slug);
    stmt(
      db,
      `INSERT INTO agencies (slug, name_zh, name_en, parent_id, jurisdiction_level, place_zh, place_en) VALUES (@slug, @nameZh, @nameEn, @parent, @level, @placeZh, @placeEn)`,
    ).run(values(a, parent));
    appendEvent({ kind: "agency_created", toolId: null, actor: admin.role, at: now.toISOString(), payload: payloadOf(a) }, db);
    return { slug };
  })();
}

export async function updateAgency(ctx: Ctx, input: z.input<typeof UpdateInput>): Promise<{ slug: string }> {
  const admin = requireAdmin(ctx);
  const { db, now } = ctx;
  const a = parseInput(UpdateInput, input);
  return db.$client.transaction(() => {
    if (!stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(a.slug)) throw new RegistryError("not_found");
    const parent = parentId(db, a.parent, a.slug);
    stmt(
      db,
      `UPDATE agencies SET name_zh = @nameZh, name_en = @nameEn, parent_id = @parent, jurisdiction_level = @level, place_zh = @placeZh, place_en = @placeEn WHERE slug = @slug`,
    ).run(values(a, parent));
    appendEvent({ kind: "agency_updated", toolId: null, actor: admin.role, at: now.toISOString(), payload: payloadOf(a) }, db);
    return { slug: a.slug };
  })();
}
