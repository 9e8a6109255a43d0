// /tools.atom: the changes of exactly the tools a list view selects. Takes the same parameters as
// /tools (filters, several values of one filter, a search text); the newest 50 log events of
// those tools, newest first.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { changesFeed } from "~/atom.server";
import { agencyNames, ctxOf } from "~/registry.server";
import { parseToolQuery } from "../../registry/records/query";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { filterWords, sentence, valuesOf } from "~/feed-words.server";
import { feedParams } from "~/feed-query";
import { urlsFor } from "../../registry/shared/urls";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang, prefix } = requestLang({ request, context });
  const u = urlsFor(prefix);
  const { query } = parseToolQuery(new URL(request.url).searchParams);
  const named = await agencyNames(ctxOf(), { slugs: valuesOf(query.agency) });
  const filters = filterWords(query, Object.fromEntries(Object.values(named).map((a) => [a.slug, a.name])), lang);
  const list = sentence(lang, "feedEntryTitle", { name: translate(lang, "siteName"), what: translate(lang, "feedToolsTitle") });
  const title = filters.length ? sentence(lang, "feedTitleFiltered", { title: list, filters }) : list;
  const params = feedParams(query);
  return await changesFeed({ request, context }, { tools: query }, title, { self: u.toolsAtom(params), alternate: u.tools(params) });
}
