// The agencies an official may name in a record's responsibility section, for the picker: each by
// its name in the page's language, grouped by level of government (national first) and sorted
// within a group by pinyin for Chinese. Read model `agencyChoices(ctx, { lang })`, async.
import { stmt } from "../shared/db.server";
import type { Ctx } from "../shared/context";
import { JURISDICTION_LEVELS } from "../standard/v1";

export type AgencyChoice = { slug: string; name: string; level: string };

type Row = { slug: string; name_zh: string | null; name_en: string | null; jurisdiction_level: string };

/** Orders choices by level of government, then by name (pinyin order for Chinese). */
export function sortAgencyChoices(choices: AgencyChoice[], lang: "zh" | "en"): AgencyChoice[] {
  const collator = new Intl.Collator(lang === "zh" ? "zh-Hans-u-co-pinyin" : "en");
  const rank = (level: string) => {
    const i = (JURISDICTION_LEVELS as readonly string[]).indexOf(level);
    return i < 0 ? JURISDICTION_LEVELS.length : i;
  };
  return [...choices].sort((a, b) => rank(a.level) - rank(b.level) || collator.compare(a.name, b.name) || a.slug.localeCompare(b.slug));
}

export async function agencyChoices(ctx: Ctx, query: { lang: "zh" | "en" }): Promise<AgencyChoice[]> {
  const rows = stmt(ctx.db, `SELECT slug, name_zh, name_en, jurisdiction_level FROM agencies`).all() as Row[];
  const name = (r: Row) => (query.lang === "zh" ? r.name_zh || r.name_en : r.name_en || r.name_zh) || r.slug;
  return sortAgencyChoices(
    rows.map((r) => ({ slug: r.slug, name: name(r), level: r.jurisdiction_level })),
    query.lang,
  );
}
