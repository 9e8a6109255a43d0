// The whole-record exchange format (issue 15): what /records.ndjson and /records.json give and
// what the whole-record import takes. One entry per tool: its public id and slug, the agencies
// its record names (so an empty register can receive it), and every public revision, oldest
// first, each with its number, status, dates and the complete record in the standard's own
// shape. Drafts are never exported. The export writes this shape and the import parses it with
// `RecordsEntry`, so the two cannot drift apart.
//
// - /records.ndjson: one `RecordsEntry` per line, nothing else.
// - /records.json: `{ format, formatVersion, exportedAt, source, total, records: RecordsEntry[] }`.
// The import also takes a single entry, or an array of entries.
import { z } from "zod";
import { AgencySchema } from "../../standard/agency";
import { IsoDate, REVIEW_STATUSES, Slug, ToolId } from "../../standard/v1";

export const RECORDS_FORMAT = "public-algorithm-register/records" as const;
export const RECORDS_FORMAT_VERSION = 1 as const;
/** At most this many revisions per tool in one entry (a tool's whole public history). */
export const MAX_REVISIONS_PER_ENTRY = 1_000;
/** At most this many agencies named by one entry. */
export const MAX_AGENCIES_PER_ENTRY = 50;

const Timestamp = z.string().datetime({ offset: true });

/** One public revision of a tool. `record` is checked against the standard by the import (publish path), not here. */
export const RecordsRevision = z
  .object({
    number: z.number().int().min(1),
    /** The review status the revision was made public with. */
    status: z.enum(REVIEW_STATUSES),
    createdAt: Timestamp,
    submittedAt: Timestamp.nullable(),
    publishedAt: Timestamp,
    /**
     * SHA-256 of the canonical JSON of `record` (registry/shared/canonical-json.ts), as the source
     * register stored it. The export always gives it and the import checks it; an entry converted
     * by hand from another register's record (which has no such fingerprint) may leave it out,
     * and the import computes it from the record.
     */
    recordSha256: z.string().regex(/^[0-9a-f]{64}$/).optional(),
    record: z.record(z.string(), z.unknown()),
  })
  .strict();
export type RecordsRevision = z.output<typeof RecordsRevision>;

export const RecordsEntry = z
  .object({
    id: ToolId,
    slug: Slug,
    /** The standard version of the newest revision's record. */
    standardVersion: z.string().min(1).max(20),
    /** Where the entry was exported from: the source register's address of the tool. */
    url: z.string().url().max(2_000).optional(),
    agencies: z.array(AgencySchema).max(MAX_AGENCIES_PER_ENTRY),
    revisions: z.array(RecordsRevision).min(1).max(MAX_REVISIONS_PER_ENTRY),
    /** The day the tool's newest revision became public (for readers; the import uses the revisions). */
    updatedOn: IsoDate.optional(),
  })
  .strict();
export type RecordsEntry = z.output<typeof RecordsEntry>;

export const RecordsDocument = z
  .object({
    format: z.literal(RECORDS_FORMAT),
    formatVersion: z.literal(RECORDS_FORMAT_VERSION),
    exportedAt: Timestamp,
    source: z.string().url().max(2_000),
    total: z.number().int().min(0),
    records: z.array(RecordsEntry),
  })
  .strict();
export type RecordsDocument = z.output<typeof RecordsDocument>;
