// How the command-line tools end on a refusal of the domain: its sentences in English, with the
// field's label (never a code or a path, app/i18n/refusal.ts), and exit code 2. Anything else
// is a bug and is rethrown.
import { RegistryError } from "../registry/shared/errors";
import { refusalLines } from "../app/i18n/refusal";

export function exitOnRefusal(e: unknown): never {
  if (e instanceof RegistryError) {
    for (const line of refusalLines(e, "en")) console.error(line);
    process.exit(2);
  }
  throw e;
}
