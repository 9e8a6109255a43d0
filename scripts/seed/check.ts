// Checks seed case files without a database: `npx tsx scripts/seed/check.ts [file ...]`.
// With no arguments it checks every record in SEED_RECORDS. Reports every problem per file.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ToolRecord, fieldErrors } from "../../registry/standard/v1";
import { AgencySchema } from "../../registry/standard/agency";
import { SEED_AGENCIES } from "./agencies";

const here = path.dirname(fileURLToPath(import.meta.url));
// The source texts sit beside the checkout (../shared/seeds); without them that one check is skipped.
const seedDir = path.resolve(here, "../../../shared/seeds");
const seedTexts = new Set(existsSync(seedDir) ? readdirSync(seedDir).filter((f) => f.endsWith(".txt")) : []);

export function checkRecord(record: unknown): string[] {
  const problems: string[] = [];
  const parsed = ToolRecord.safeParse(record);
  if (!parsed.success) {
    for (const [k, v] of Object.entries(fieldErrors(parsed.error))) problems.push(`${k}: ${v.join("; ")}`);
    return problems;
  }
  const slugs = new Set(SEED_AGENCIES.map((a) => a.slug));
  for (const ref of parsed.data.responsibility.agencies) if (!slugs.has(ref.agency)) problems.push(`unknown agency slug ${ref.agency}`);
  for (const s of parsed.data.sources) if (s.seedFile && seedTexts.size && !seedTexts.has(s.seedFile)) problems.push(`no seed text ${s.seedFile}`);
  return problems;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  let bad = 0;
  for (const a of SEED_AGENCIES) {
    const r = AgencySchema.safeParse(a);
    if (!r.success) (bad++, console.log(`agency ${a.slug}:`, fieldErrors(r.error)));
  }
  const files = process.argv.slice(2);
  const records: [string, unknown][] = files.length
    ? await Promise.all(files.map(async (f) => [f, (await import(pathToFileURL(path.resolve(f)).href)).default] as [string, unknown]))
    : (await import("./cases/index")).SEED_RECORDS.map((r: { identity: { id: string } }) => [r.identity.id, r] as [string, unknown]);
  for (const [name, rec] of records) {
    const problems = checkRecord(rec);
    console.log(problems.length ? `FAIL ${name}\n  ${problems.join("\n  ")}` : `ok   ${name}`);
    if (problems.length) bad++;
  }
  process.exit(bad ? 1 : 0);
}
