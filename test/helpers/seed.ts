// The one place the tests reach the embedded dataset and the demo accounts (scripts/seed/). When the
// seed files move, only the five paths in this file change.
import { SEED_RECORDS } from "../../scripts/seed/cases";

export { SEED_RECORDS };
export { SEED_AGENCIES } from "../../scripts/seed/agencies";
export { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoAccounts } from "../../scripts/seed/demo-accounts";
export { seedDatabase } from "../../scripts/seed/run.server";

/** The seed script, relative to the project root, for tests that run it as a process. */
export const SEED_SCRIPT = "scripts/seed/run.server.ts";

/** The seed record with this slug. Throws on an unknown slug, so a renamed case fails loudly. */
export function seedRecord(slug: string): (typeof SEED_RECORDS)[number] {
  const record = SEED_RECORDS.find((r) => r.identity.slug === slug);
  if (!record) throw new Error(`No seed record has the slug "${slug}".`);
  return record;
}

/** The id the seed gives the record with this slug (each seed record carries its own id). */
export function seedId(slug: string): string {
  return seedRecord(slug).identity.id;
}
