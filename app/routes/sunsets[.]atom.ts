// /sunsets.atom: tools running without an end date, tools that became due for sunset (60 days
// before their sunset date) and tools that lapsed, newest first. Computed on read from the dates,
// like every sunset state. Takes the list's filters (/sunsets.atom?kind=code_system).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { agencyNames, ctxOf, sunsetFeed } from "~/registry.server";
import { todayIso } from "../../registry/lifecycle/sunset";
import { parseToolQuery } from "../../registry/records/query";
import { label } from "../../registry/standard/labels";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { atomResponse } from "~/atom.server";
import { filterWords, localText, sentence, valuesOf } from "~/feed-words.server";
import { feedParams } from "~/feed-query";
import { absolute, paths, urlsFor } from "../../registry/shared/urls";

const TITLE_KEY = { lapsed: "sunsetsFeedLapsed", due_soon: "sunsetsFeedDue", no_sunset: "sunsetsFeedNoSunset" } as const;

/** The sunsets page for the same filters: it groups by the sunset state, so it takes no sunset filter. */
function pageParams(query: Parameters<typeof feedParams>[0]): URLSearchParams {
  const params = feedParams(query);
  params.delete("sunset");
  return params;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang, prefix } = requestLang({ request, context });
  // Links go to the feed's own language space (/en/sunsets.atom links to /en/tools/...); an
  // entry's id is the same in every feed.
  const u = urlsFor(prefix);
  const origin = new URL(request.url).origin;
  const { query } = parseToolQuery(new URL(request.url).searchParams);
  const ctx = ctxOf();
  const today = todayIso(ctx.now);
  const entries = await sunsetFeed(ctx, { today, query });
  const filters = filterWords(query, Object.fromEntries(Object.values(await agencyNames(ctx, { slugs: valuesOf(query.agency) })).map((a) => [a.slug, a.name])), lang);
  const title = translate(lang, "sunsetsFeedTitle");
  return atomResponse(
    {
      lang,
      title: filters.length ? sentence(lang, "feedTitleFiltered", { title, filters }) : title,
      self: absolute(origin, u.sunsetsAtom(feedParams(query))),
      alternate: absolute(origin, u.sunsets(pageParams(query))),
      updated: entries[0]?.updated ?? `${today}T00:00:00.000Z`,
      entries: entries.map((e) => ({
        id: absolute(origin, paths.tool(e.toolId, `sunset-${e.state}${e.sunsetDate ? `-${e.sunsetDate}` : ""}`)),
        title: sentence(lang, TITLE_KEY[e.state], { name: localText(e.name, lang, e.toolId), id: e.toolId, date: e.sunsetDate ?? "" }),
        link: absolute(origin, u.tool(e.toolId)),
        updated: e.updated,
        summary: [
          e.sunsetDate ? translate(lang, "feedSunsetDate", { date: e.sunsetDate }) : translate(lang, "feedNoSunsetDate"),
        ],
        category: { term: e.state, label: label("sunset", e.state, lang) },
      })),
    },
    300,
  );
}
