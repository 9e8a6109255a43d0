// Inserting or updating agencies by slug, before the records that name them (seeding, imports,
// the benchmark generator).
import { getDb, stmt, type Db } from "../shared/db.server";
import { invalid, zodIssues } from "../shared/errors";
import { AgencySchema, type Agency } from "../standard/agency";

/** Insert or update agencies by slug (parents first is not required: parents are linked after). */
export function upsertAgencies(input: unknown[], db: Db = getDb()): number {
  const parsed: Agency[] = input.map((a, i) => {
    const r = AgencySchema.safeParse(a);
    if (!r.success) throw invalid(zodIssues(r.error, `agencies.${i}`));
    return r.data;
  });
  const upsert = stmt(
    db,
    `INSERT INTO agencies (slug, name_zh, name_en, jurisdiction_level, place_zh, place_en, website)
     VALUES (@slug, @nameZh, @nameEn, @level, @placeZh, @placeEn, @website)
     ON CONFLICT(slug) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
       jurisdiction_level = excluded.jurisdiction_level, place_zh = excluded.place_zh, place_en = excluded.place_en,
       website = excluded.website`,
  );
  const setParent = stmt(db, `UPDATE agencies SET parent_id = (SELECT id FROM agencies WHERE slug = @parent) WHERE slug = @slug`);
  db.$client.transaction(() => {
    for (const a of parsed) {
      upsert.run({ slug: a.slug, nameZh: a.name.zh ?? null, nameEn: a.name.en ?? null, level: a.jurisdictionLevel, placeZh: a.place.zh ?? null, placeEn: a.place.en ?? null, website: a.website ?? null });
    }
    for (const a of parsed) {
      if (a.parent && !parsed.some((p) => p.slug === a.parent) && !stmt(db, `SELECT 1 FROM agencies WHERE slug = ?`).get(a.parent))
        throw invalid([{ code: "err_agency_unknown", path: `agencies.${a.slug}.parent`, params: { agency: a.parent } }]);
      setParent.run({ slug: a.slug, parent: a.parent ?? null });
    }
  })();
  return parsed.length;
}
