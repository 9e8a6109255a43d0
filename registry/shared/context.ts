// The one call shape of the domain: every command is `command(ctx, input)` and every read model
// `readModel(ctx, query)`, both async at the boundary (a second database engine is planned, and
// callers should not change when it comes). `ctx` says who acts, when and on which database;
// `input` is untrusted and parsed by the command's own zod schema.
import { z } from "zod";
import type { Actor } from "../auth/roles";
import { getDb, type Db } from "./db.server";
import { registerNow } from "./clock.server";
import { invalid, zodIssues } from "./errors";

export type Ctx = {
  /** Who acts: null for the public (and for the command line, which acts as a named account through `actor`). */
  readonly actor: Actor | null;
  /** The register's time for this call: every date the call writes or compares comes from it. */
  readonly now: Date;
  readonly db: Db;
  /** The client address of a public post, for rate limits (kept only as a keyed hash). */
  readonly address?: string;
};

/** A context with defaults: the public, the register's clock, the process-wide database. */
export function ctxOf(parts: Partial<Ctx> = {}): Ctx {
  return { actor: parts.actor ?? null, now: parts.now ?? registerNow(), db: parts.db ?? getDb(), ...(parts.address !== undefined ? { address: parts.address } : {}) };
}

/** Parses a command's input with its schema; problems become one `invalid` RegistryError, worded by app/. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw invalid(zodIssues(parsed.error));
  return parsed.data;
}

/** A tool's id or slug as a command receives it (the command looks it up and answers not_found). */
export const ToolRef = z.string().trim().min(1).max(200);
