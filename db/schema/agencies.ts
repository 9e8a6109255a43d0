import { sqliteTable, integer, text, index, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";

export const agencies = sqliteTable(
  "agencies",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    nameZh: text("name_zh"),
    nameEn: text("name_en"),
    parentId: integer("parent_id").references((): AnySQLiteColumn => agencies.id),
    jurisdictionLevel: text("jurisdiction_level").notNull(),
    placeZh: text("place_zh"),
    placeEn: text("place_en"),
    website: text("website"),
  },
  (t) => [index("agencies_parent_idx").on(t.parentId)],
);
