// Atom feed of sunset events: a tool became due (60 days before its sunset date) or lapsed.
// Computed on read from the dates, like every sunset state.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerNow, sunsetFeed } from "~/registry.server";
import { todayIso } from "../../registry/sunset";
import { resolveLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { pickText } from "~/i18n/use-lang";
import { atomResponse } from "~/atom.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await resolveLang(request);
  const origin = new URL(request.url).origin;
  const today = todayIso(registerNow());
  const entries = sunsetFeed({ today });
  return atomResponse(
    {
      lang,
      title: translate(lang, "sunsetsFeedTitle"),
      self: `${origin}/sunsets.atom`,
      alternate: `${origin}/sunsets`,
      updated: `${entries[0]?.updated ?? today}T00:00:00Z`,
      entries: entries.map((e) => ({
        id: `${origin}/tools/${e.toolId}#sunset-${e.state}-${e.sunsetDate}`,
        title: translate(lang, e.state === "lapsed" ? "sunsetsFeedLapsed" : "sunsetsFeedDue", { name: pickText(e.name, lang)?.text ?? e.toolId, id: e.toolId, date: e.sunsetDate }),
        link: `${origin}/tools/${e.toolId}`,
        updated: `${e.updated}T00:00:00Z`,
        category: e.state,
      })),
    },
    300,
  );
}
