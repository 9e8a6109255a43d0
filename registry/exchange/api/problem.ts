// Why an API request cannot be answered: a RegistryError with code bad_parameter or not_found,
// the query parameter at fault as its path, and one issue naming the reason with what the
// message needs. app/api.server.ts words it (app/api-problems.ts) and picks the HTTP status.
import { RegistryError, type IssueParams } from "../../shared/errors";

export type ApiProblemReason =
  | "api_tool_not_found"
  | "api_tool_history_not_found"
  | "api_agency_not_found"
  | "api_endpoint_not_found"
  | "api_cursor_and_after"
  | "api_after_invalid"
  | "api_cursor_foreign"
  | "api_cursor_other_query"
  | "api_limit_invalid";

export function apiProblem(code: "bad_parameter" | "not_found", reason: ApiProblemReason, params: IssueParams = {}, param?: string): RegistryError {
  return new RegistryError(code, { path: param, params, issues: [{ code: reason, ...(param ? { path: param } : {}), params }] });
}
