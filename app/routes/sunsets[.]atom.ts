// Atom feed of sunset events: a tool became due (60 days before its sunset date) or lapsed.
// Computed on read from the dates, like every sunset state.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { registerNow, sunsetFeed } from "~/registry.server";
import { todayIso } from "../../registry/sunset";
import { resolveLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { pickText } from "~/i18n/use-lang";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export async function loader({ request }: LoaderFunctionArgs) {
  const lang = await resolveLang(request);
  const origin = new URL(request.url).origin;
  const today = todayIso(registerNow());
  const entries = sunsetFeed({ today });
  const updated = entries[0]?.updated ?? today;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === "zh" ? "zh-Hans" : "en"}">
  <title>${xml(translate(lang, "sunsetsFeedTitle"))}</title>
  <id>${xml(`${origin}/sunsets.atom`)}</id>
  <link rel="self" href="${xml(`${origin}/sunsets.atom`)}"/>
  <link rel="alternate" href="${xml(`${origin}/sunsets`)}"/>
  <updated>${updated}T00:00:00Z</updated>
  <author><name>${xml(translate(lang, "siteName"))}</name></author>
${entries
  .map((e) => {
    const name = pickText(e.name, lang)?.text ?? e.toolId;
    const title = translate(lang, e.state === "lapsed" ? "sunsetsFeedLapsed" : "sunsetsFeedDue", { name, id: e.toolId, date: e.sunsetDate });
    return `  <entry>
    <id>${xml(`${origin}/tools/${e.toolId}#sunset-${e.state}-${e.sunsetDate}`)}</id>
    <title>${xml(title)}</title>
    <link href="${xml(`${origin}/tools/${e.toolId}`)}"/>
    <updated>${e.updated}T00:00:00Z</updated>
    <category term="${e.state}"/>
  </entry>`;
  })
  .join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
