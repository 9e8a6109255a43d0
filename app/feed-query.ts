// The parameters of a list view that a feed of it takes: the list's query without its page and
// sort (a feed is always newest first). Shared by the pages that link a feed in their head and
// the feeds that name themselves (their self link).
import type { MetaDescriptor } from "@remix-run/node";
import { toolQueryString, type ToolQuery } from "../registry/records/query";
import { metaContext } from "~/i18n/meta";

export function feedParams(query: ToolQuery): URLSearchParams {
  const params = new URLSearchParams(toolQueryString(query));
  params.delete("page");
  params.delete("sort");
  return params;
}

/** `<link rel="alternate" type="application/atom+xml">` to the feed of the tools a list view selects. */
export function feedLink(matches: Parameters<typeof metaContext>[0], query: ToolQuery): MetaDescriptor {
  const { t, u } = metaContext(matches);
  return { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.toolsAtom(feedParams(query)), title: t("feedToolsLink") };
}
