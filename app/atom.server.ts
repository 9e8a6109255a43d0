// Atom feeds: one writer for every feed (changes and sunsets), with the text escaped once here.
import { actorAgencyNames, chainStatus, recentEvents } from "~/registry.server";
import { actorLabel } from "~/components/actor";
import { resolveLang } from "~/i18n/lang.server";
import { translate, type Lang } from "~/i18n/strings";
import { label } from "../registry/standard/labels";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export type AtomEntry = { id: string; title: string; link: string; updated: string; summary?: string; category?: string };

/**
 * Every feed carries the event log's latest entry (id and hash) in its subtitle, so whoever keeps
 * a feed keeps an anchor of the chain outside the register (see /log).
 */
export function atomResponse(feed: { lang: Lang; title: string; self: string; alternate?: string; updated: string; entries: AtomEntry[] }, maxAge: number): Response {
  const head = chainStatus().head;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang === "zh" ? "zh-Hans" : "en"}">
  <title>${xml(feed.title)}</title>
${head ? `  <subtitle>${xml(translate(feed.lang, "feedChainHead", { id: head.id, hash: head.hash }))}</subtitle>
` : ""}  <id>${xml(feed.self)}</id>
  <link rel="self" href="${xml(feed.self)}"/>
${feed.alternate ? `  <link rel="alternate" href="${xml(feed.alternate)}"/>\n` : ""}  <updated>${feed.updated}</updated>
  <author><name>${xml(translate(feed.lang, "siteName"))}</name></author>
${feed.entries
  .map(
    (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <link href="${xml(e.link)}"/>
    <updated>${e.updated}</updated>
${e.summary ? `    <summary>${xml(e.summary)}</summary>\n` : ""}${e.category ? `    <category term="${xml(e.category)}"/>\n` : ""}  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": `public, max-age=${maxAge}`, "Access-Control-Allow-Origin": "*" } });
}

/** Changes from the event log: all, one tool's, or one agency's tools'. Entries link to the tool's history and carry the event's hash. */
export async function changesFeed(request: Request, scope: { toolId?: string; agencySlug?: string }, title: string): Promise<Response> {
  const lang = await resolveLang(request);
  const url = new URL(request.url);
  const origin = url.origin;
  const events = recentEvents({ ...scope, limit: 50 });
  const agencies = actorAgencyNames(events.map((e) => e.actor));
  return atomResponse(
    {
      lang,
      title,
      self: `${origin}${url.pathname}`,
      updated: events[0]?.at ?? new Date(0).toISOString(),
      entries: events.map((e) => ({
        id: `${origin}/log.json#event-${e.id}`,
        title: `${label("eventKind", e.kind, lang)}${e.toolId ? ` · ${e.toolId}` : ""}`,
        link: e.toolId ? `${origin}/tools/${e.toolId}/history` : `${origin}/log`,
        updated: e.at,
        // Each entry is a link of the chain: its hash anchors every entry before it.
        summary: `${actorLabel(e.actor, agencies, lang)} · #${e.id} · sha256 ${e.hash}`,
      })),
    },
    60,
  );
}
