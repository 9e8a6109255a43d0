// Values of the standard that only a record mirrored from another register may hold (standard
// v1.1): `not_stated`, the deployment status of a source that gives none. This register's own
// records always state theirs (registry/standard/v1.ts refuses `not_stated` for them), so the
// forms and the table import that make and edit them never offer such a value. Pure.
import { DEPLOYMENT_STATUSES } from "./v1";

/** By field shape (record path without row numbers): the values only a mirrored record may hold. */
export const MIRRORED_ONLY_VALUES: Readonly<Record<string, readonly string[]>> = {
  "lifecycle.deploymentStatus": ["not_stated"],
};

/** The values a form or a table of this register offers for a field: the standard's, less those only a mirrored record may hold. */
export function ownRecordValues<T extends string>(shape: string, values: readonly T[]): T[] {
  const mirroredOnly = MIRRORED_ONLY_VALUES[shape];
  return mirroredOnly ? values.filter((v) => !mirroredOnly.includes(v)) : [...values];
}

/** The deployment statuses of this register's own records. */
export const OWN_DEPLOYMENT_STATUSES = ownRecordValues("lifecycle.deploymentStatus", DEPLOYMENT_STATUSES);
