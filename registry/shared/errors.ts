// The one error of the domain. The registry never words a message: it throws a stable code, the
// field path where there is one, parameters, and for field-level problems a list of issues.
// `app/` turns it into an HTTP answer and words every code in the request's language
// (app/http/registry-error.ts, app/i18n/errors.ts).
import type { z } from "zod";

export type IssueParams = Record<string, string | number>;
/** One problem: a code (worded by app/i18n/strings-errors.ts), the field it concerns, parameters. */
export type Issue = { code: string; path?: string; params?: IssueParams };

export type RegistryCode = "not_found" | "forbidden" | "wrong_state" | "invalid" | "rate_limited" | "bad_parameter" | "ids_exhausted";

export class RegistryError extends Error {
  readonly path?: string;
  readonly params?: IssueParams;
  readonly issues: Issue[];
  constructor(
    readonly code: RegistryCode,
    opts: { path?: string; params?: IssueParams; issues?: Issue[] } = {},
  ) {
    const issues = opts.issues ?? [];
    super(issues.length ? `${code}: ${issues.map((i) => `${i.path ? `${i.path} ` : ""}${i.code}${i.params ? ` ${JSON.stringify(i.params)}` : ""}`).join("; ")}` : code);
    this.name = "RegistryError";
    this.path = opts.path;
    this.params = opts.params;
    this.issues = issues;
  }

  /** The issue codes by field path ("" for problems of the whole form), for tests and the CLI. */
  get fields(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const i of this.issues) (out[i.path ?? ""] ??= []).push(i.code);
    return out;
  }
}

/** A refusal for invalid input: one issue per problem. */
export const invalid = (issues: Issue[]) => new RegistryError("invalid", { issues });
/** A refusal for the wrong moment, with the rule that refuses it. */
export const wrongState = (code: string, params?: IssueParams) => new RegistryError("wrong_state", { issues: [{ code, params }] });

/**
 * A zod error as issues, without zod's English: the schema's own messages are codes (see
 * registry/standard/v1.ts, they start with "err_"); zod's built-in issues become
 * "zod_<issue code>" with what the message needs as parameters.
 */
export function zodIssues(error: z.ZodError, prefix?: string): Issue[] {
  return error.issues.map((i) => {
    const rel = i.path.map(String).join(".");
    const path = prefix ? (rel ? `${prefix}.${rel}` : prefix) : rel || undefined;
    const own = typeof i.message === "string" && i.message.startsWith("err_");
    const params: IssueParams = {};
    const raw = i as unknown as Record<string, unknown>;
    for (const k of ["minimum", "maximum", "expected", "origin", "format", "divisor"]) {
      const v = raw[k];
      if (typeof v === "string" || typeof v === "number") params[k] = v;
      else if (typeof v === "bigint") params[k] = Number(v);
    }
    if (i.code === "invalid_type" && raw.input === undefined) params.missing = 1;
    if (i.code === "unrecognized_keys") params.keys = (raw.keys as string[]).join(", ");
    if (own && raw.params && typeof raw.params === "object") Object.assign(params, raw.params as IssueParams);
    const code = own ? i.message : `zod_${i.code}`;
    return { code, ...(path !== undefined ? { path } : {}), ...(Object.keys(params).length ? { params } : {}) };
  });
}
