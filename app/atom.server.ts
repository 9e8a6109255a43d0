// Atom feeds: one writer for every feed (changes and sunsets), with the text escaped once here.
import { actorAgencyNames, chainStatus, recentEvents, ctxOf } from "~/registry.server";
import { actorLabel } from "~/components/actor";
import { requestLang } from "~/i18n/lang.server";
import { translate, type Lang } from "~/i18n/strings";
import { label } from "../registry/standard/labels";
import { absolute, paths, urlsFor } from "../registry/shared/urls";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export type AtomEntry = { id: string; title: string; link: string; updated: string; summary?: string; category?: string };

/**
 * Every feed carries the event log's latest entry (id and hash) in its subtitle, so whoever keeps
 * a feed keeps an anchor of the chain outside the register (see /log).
 */
export async function atomResponse(feed: { lang: Lang; title: string; self: string; alternate?: string; updated: string; entries: AtomEntry[] }, maxAge: number): Promise<Response> {
  const head = (await chainStatus(ctxOf())).head;
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

/**
 * Changes from the event log: all, one tool's, or one agency's tools'. Entries link to the tool's
 * history, in the feed's own language space (/en/changes.atom links to /en/tools/...), and carry
 * the event's hash; an entry's id is the event's place in the log, the same in every feed.
 */
export async function changesFeed(args: { request: Request; context?: unknown }, scope: { toolId?: string; agencySlug?: string }, title: string): Promise<Response> {
  const { lang, prefix } = requestLang(args);
  const u = urlsFor(prefix);
  const url = new URL(args.request.url);
  const origin = url.origin;
  const events = await recentEvents(ctxOf(), { ...scope, limit: 50 });
  const agencies = await actorAgencyNames(ctxOf(), { actors: events.map((e) => e.actor) });
  return atomResponse(
    {
      lang,
      title,
      self: `${origin}${url.pathname}`,
      updated: events[0]?.at ?? new Date(0).toISOString(),
      entries: events.map((e) => ({
        id: `${absolute(origin, paths.logJson())}#event-${e.id}`,
        title: `${label("eventKind", e.kind, lang)}${e.toolId ? ` · ${e.toolId}` : ""}`,
        link: absolute(origin, e.toolId ? u.toolHistory(e.toolId) : u.log()),
        updated: e.at,
        // Each entry is a link of the chain: its hash anchors every entry before it.
        summary: `${actorLabel(e.actor, agencies, lang)} · #${e.id} · sha256 ${e.hash}`,
      })),
    },
    60,
  );
}
