// Agencies are register-level entities shared by many records: a record names them by slug.
import { z } from "zod";
import { JURISDICTION_LEVELS, Slug, localizedText } from "./v1";

export const AgencySchema = z
  .object({
    slug: Slug,
    name: localizedText("Official name of the agency.", "机构正式名称。", { max: 300 }),
    parent: Slug.optional(),
    jurisdictionLevel: z.enum(JURISDICTION_LEVELS),
    place: localizedText("Place the agency serves.", "机构所辖地域。", { max: 200 }),
    website: z.string().url().optional(),
  })
  .strict();

export type Agency = z.output<typeof AgencySchema>;
