// The API's words for a refused request (the API answers in English, for a client's developer).
// The registry throws a RegistryError with a reason code (registry/exchange/api/problem.ts); this is the
// one place that words it.
import type { ApiProblemReason } from "../registry/exchange/api/problem";
import type { IssueParams } from "../registry/shared/errors";

const START_AGAIN = "Use the cursor from a previous answer's nextCursor (or follow its next link) unchanged, or leave cursor out to start from the first page.";

const MESSAGES: Record<ApiProblemReason, (p: IssueParams) => string> = {
  api_tool_not_found: (p) => `No public tool with id "${p.value}". Tool ids look like ALG-000123; GET /api/v1/tools lists them.`,
  api_tool_history_not_found: (p) => `No public tool with id "${p.value}". GET /api/v1/tools lists the tools.`,
  api_agency_not_found: (p) => `No public agency "${p.value}". Agency slugs look like shanghai-municipal-government; GET /api/v1/agencies lists them.`,
  api_endpoint_not_found: (p) => `No API endpoint at ${p.path}. The endpoints are described in ${p.openapi}.`,
  api_cursor_and_after: () => "Give either cursor or after, not both.",
  api_after_invalid: (p) => `after must be an event id, a whole number from 0 (the start of the log); got "${p.value}".`,
  api_cursor_foreign: () => `The cursor is not one this API made. ${START_AGAIN}`,
  api_cursor_other_query: () => `The cursor belongs to a different query: its filters or sort order differ from this request's. ${START_AGAIN}`,
  api_limit_invalid: (p) => `limit must be a whole number from 1 to ${p.max} (default ${p.default}); got "${p.value}".`,
};

export function apiProblemMessage(issue: { code: string; params?: IssueParams } | undefined, fallback: string): string {
  const word = issue && (MESSAGES as Record<string, (p: IssueParams) => string>)[issue.code];
  return word ? word(issue.params ?? {}) : fallback;
}
