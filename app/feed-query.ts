// The parameters of a list view that a feed of it takes: the list's query without its page and
// sort (a feed is always newest first). Shared by the pages that link a feed in their head and
// the feeds that name themselves (their self link).
import { toolQueryString, type ToolQuery } from "../registry/records/query";

export function feedParams(query: ToolQuery): URLSearchParams {
  const params = new URLSearchParams(toolQueryString(query));
  params.delete("page");
  params.delete("sort");
  return params;
}
