// Atom feeds of the event log: all changes, one tool's, or one agency's tools'. Each entry links
// to the tool's history and carries the event's hash, so a reader can check it against /log.json.
import { recentEvents } from "~/registry.server";
import { resolveLang } from "~/i18n/lang.server";
import { translate } from "~/i18n/strings";
import { label } from "../registry/standard/labels";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export async function changesFeed(request: Request, scope: { toolId?: string; agencySlug?: string }, title: string): Promise<Response> {
  const lang = await resolveLang(request);
  const url = new URL(request.url);
  const origin = url.origin;
  const events = recentEvents({ ...scope, limit: 50 });
  const self = `${origin}${url.pathname}`;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang === "zh" ? "zh-Hans" : "en"}">
  <title>${xml(title)}</title>
  <id>${xml(self)}</id>
  <link rel="self" href="${xml(self)}"/>
  <updated>${events[0]?.at ?? new Date(0).toISOString()}</updated>
  <author><name>${xml(translate(lang, "siteName"))}</name></author>
${events
  .map((e) => {
    const link = e.toolId ? `${origin}/tools/${e.toolId}/history` : `${origin}/log`;
    return `  <entry>
    <id>${xml(`${origin}/log.json#event-${e.id}`)}</id>
    <title>${xml(`${label("eventKind", e.kind, lang)}${e.toolId ? ` · ${e.toolId}` : ""}`)}</title>
    <link href="${xml(link)}"/>
    <updated>${e.at}</updated>
    <summary>${xml(`${e.actor} · #${e.id} · sha256 ${e.hash}`)}</summary>
  </entry>`;
  })
  .join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*" } });
}
