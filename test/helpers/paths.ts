import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
// TEST_TMP_DIR lets two test runs on one checkout keep apart (the global setup empties TMP).
export const TMP = process.env.TEST_TMP_DIR ? path.resolve(process.env.TEST_TMP_DIR) : path.join(ROOT, "test/.tmp");
/** A migrated database holding the embedded dataset; built once per run, copied per test. */
export const BASE_DB = path.join(TMP, "base.sqlite");
/** A migrated, empty database. */
export const EMPTY_DB = path.join(TMP, "empty.sqlite");
