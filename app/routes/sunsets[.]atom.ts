// Atom feed of sunset events: a tool became due (60 days before its sunset date) or lapsed.
// Computed on read from the dates, like every sunset state.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { ctxOf, sunsetFeed } from "~/registry.server";
import { todayIso } from "../../registry/lifecycle/sunset";
import { requestLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { pickText } from "~/i18n/use-lang";
import { atomResponse } from "~/atom.server";
import { absolute, paths, urlsFor } from "../../registry/shared/urls";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { lang, prefix } = requestLang({ request, context });
  // Links go to the feed's own language space (/en/sunsets.atom links to /en/tools/...); an
  // entry's id is the same in every feed.
  const u = urlsFor(prefix);
  const origin = new URL(request.url).origin;
  const ctx = ctxOf();
  const today = todayIso(ctx.now);
  const entries = await sunsetFeed(ctx, { today });
  return atomResponse(
    {
      lang,
      title: translate(lang, "sunsetsFeedTitle"),
      self: absolute(origin, u.sunsetsAtom()),
      alternate: absolute(origin, u.sunsets()),
      updated: `${entries[0]?.updated ?? today}T00:00:00Z`,
      entries: entries.map((e) => ({
        id: absolute(origin, paths.tool(e.toolId, `sunset-${e.state}-${e.sunsetDate}`)),
        title: translate(lang, e.state === "lapsed" ? "sunsetsFeedLapsed" : "sunsetsFeedDue", { name: pickText(e.name, lang)?.text ?? e.toolId, id: e.toolId, date: e.sunsetDate }),
        link: absolute(origin, u.tool(e.toolId)),
        updated: `${e.updated}T00:00:00Z`,
        category: e.state,
      })),
    },
    300,
  );
}
