// npm run user:create -- --email admin@example.org --name "Register admin" --role admin
// npm run user:create -- --email li@example.org --name "Li Wei" --role official --agency zibo-municipal-government
//
// The password is read from the USER_PASSWORD environment variable or, if that is unset, from
// the first line of standard input (so it never appears in the process list or shell history:
// `read -rs PW; USER_PASSWORD="$PW" npm run user:create -- ...` or pipe it in). It is never
// printed or logged.
import { ctxOf } from "../registry/shared/context";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import { openDatabase } from "../db/client.server";
import { databasePath } from "../db/env.server";
import { createUser } from "../registry/auth/accounts.server";
import { exitOnRefusal } from "./cli-refusal";

async function readPassword(): Promise<string> {
  if (process.env.USER_PASSWORD) return process.env.USER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write("Password (input is not hidden; prefer USER_PASSWORD): ");
  const rl = createInterface({ input: process.stdin });
  for await (const line of rl) {
    rl.close();
    return line;
  }
  return "";
}

async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" }, agency: { type: "string" } },
    strict: true,
  });
  const missing = (["email", "name", "role"] as const).filter((k) => !values[k]);
  if (missing.length) {
    console.error(`Missing ${missing.map((m) => `--${m}`).join(", ")}.\nUsage: npm run user:create -- --email E --name N --role official|reviewer|admin [--agency SLUG]`);
    process.exit(2);
  }
  const db = openDatabase(databasePath());
  try {
    const actor = await createUser(ctxOf({ db }), {
          email: values.email!,
          displayName: values.name!,
          role: values.role as "official",
          agency: values.agency,
          password: await readPassword(),
        });
    console.log(`Created ${actor.role} ${actor.email}${actor.agencySlug ? ` of ${actor.agencySlug}` : ""} (id ${actor.id}).`);
  } catch (e) {
    exitOnRefusal(e);
  } finally {
    db.$client.close();
  }
}

await main();
