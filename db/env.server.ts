import { z } from "zod";
import path from "node:path";

const Env = z.object({
  DATABASE_PATH: z
    .string()
    .trim()
    .min(1)
    .refine((p) => p === ":memory:" || !p.includes("\0"), "DATABASE_PATH is not a valid path")
    .default("./data/register.sqlite"),
});

/** The database path from the environment, validated once, resolved against the working directory. */
export function databasePath(): string {
  const parsed = Env.safeParse({ DATABASE_PATH: process.env.DATABASE_PATH || undefined });
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => i.message).join("; ")}`);
  const p = parsed.data.DATABASE_PATH;
  return p === ":memory:" ? p : path.resolve(p);
}
