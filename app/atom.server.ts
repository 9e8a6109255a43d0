// Atom feeds: one writer for every feed (changes, the list's changes and sunsets), with the text
// escaped once here. What an entry says about a log event is worded in app/feed-words.server.ts.
import { chainStatus, ctxOf, getChangeFeed } from "~/registry.server";
import { requestLang } from "~/i18n/lang.server";
import { translate, type Lang } from "~/i18n/strings";
import { eventWords, type Part, type Text } from "~/feed-words.server";
import { textLangTag } from "~/i18n/use-lang";
import type { ChangeFeedQuery } from "../registry/log/feed.server";
import { absolute, LANG_TAG, paths, urlsFor } from "../registry/shared/urls";

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export type AtomEntry = {
  id: string;
  /** Plain text, or parts of which some may be in the other language. */
  title: string | Text;
  link: string;
  updated: string;
  /** Lines of the summary. */
  summary?: (string | Text)[];
  /** A machine term and its label for people (a code is never shown alone). */
  category?: { term: string; label: string };
};

const XHTML = "http://www.w3.org/1999/xhtml";
const partText = (p: Part) => (typeof p === "string" ? p : p.text);

/**
 * An Atom text construct. Plain text when every part is in the feed's language; otherwise XHTML,
 * with the parts in the other language marked by xml:lang (a title then reads "健康码: Review
 * decision" with the Chinese name marked as Chinese in the English feed).
 */
function textConstruct(tag: "title" | "summary", lines: (string | Text)[], lang: Lang, indent: string): string {
  const parts = lines.map((l) => (typeof l === "string" ? [l] : l));
  const foreign = (p: Part) => typeof p !== "string" && p.lang !== lang;
  if (!parts.some((l) => l.some(foreign))) return `${indent}<${tag}>${xml(parts.map((l) => l.map(partText).join("")).join("\n"))}</${tag}>\n`;
  const inline = (l: Part[]) => l.map((p) => (foreign(p) ? `<span xml:lang="${textLangTag((p as { lang: string }).lang)}">${xml(partText(p))}</span>` : xml(partText(p)))).join("");
  const body = tag === "title" ? parts.map(inline).join(" ") : parts.map((l) => `<p>${inline(l)}</p>`).join("");
  return `${indent}<${tag} type="xhtml"><div xmlns="${XHTML}">${body}</div></${tag}>\n`;
}

/**
 * Every feed carries the event log's latest entry (id and hash) in its subtitle, so whoever keeps
 * a feed keeps an anchor of the chain outside the register (see /log); the entries of the feeds
 * of changes also carry their own event's number and hash.
 */
export async function atomResponse(feed: { lang: Lang; title: string | Text; self: string; alternate?: string; updated: string; entries: AtomEntry[] }, maxAge: number): Promise<Response> {
  const head = (await chainStatus(ctxOf())).head;
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${LANG_TAG[feed.lang]}">
${textConstruct("title", [feed.title], feed.lang, "  ")}${head ? `  <subtitle>${xml(translate(feed.lang, "feedChainHead", { id: head.id, hash: head.hash }))}</subtitle>
` : ""}  <id>${xml(feed.self)}</id>
  <link rel="self" href="${xml(feed.self)}"/>
${feed.alternate ? `  <link rel="alternate" href="${xml(feed.alternate)}"/>\n` : ""}  <updated>${feed.updated}</updated>
  <author><name>${xml(translate(feed.lang, "siteName"))}</name></author>
${feed.entries
  .map(
    (e) => `  <entry>
    <id>${xml(e.id)}</id>
${textConstruct("title", [e.title], feed.lang, "    ")}    <link href="${xml(e.link)}"/>
    <updated>${e.updated}</updated>
${e.summary?.length ? textConstruct("summary", e.summary, feed.lang, "    ") : ""}${e.category ? `    <category term="${xml(e.category.term)}" label="${xml(e.category.label)}"/>\n` : ""}  </entry>`,
  )
  .join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": `public, max-age=${maxAge}`, "Access-Control-Allow-Origin": "*" } });
}

/**
 * Changes from the event log: all, one tool's, one agency's tools' or the tools a list query
 * selects. Entries are titled "tool name: what happened" and say what changed; they link to the
 * tool's history, in the feed's own language space (/en/changes.atom links to /en/tools/...), and
 * carry the event's number and hash; an entry's id is the event's place in the log, the same in
 * every feed.
 */
export async function changesFeed(
  args: { request: Request; context?: unknown },
  scope: ChangeFeedQuery,
  title: string | Text,
  opts: { self?: string; alternate?: string } = {},
): Promise<Response> {
  const { lang, prefix } = requestLang(args);
  const u = urlsFor(prefix);
  const url = new URL(args.request.url);
  const origin = url.origin;
  const feed = await getChangeFeed(ctxOf(), { ...scope, limit: 50 });
  return atomResponse(
    {
      lang,
      title,
      self: absolute(origin, opts.self ?? url.pathname),
      ...(opts.alternate ? { alternate: absolute(origin, opts.alternate) } : {}),
      updated: feed.events[0]?.event.at ?? new Date(0).toISOString(),
      entries: feed.events.map((e) => {
        const words = eventWords(e, feed, lang);
        return {
          id: `${absolute(origin, paths.logJson())}#event-${e.event.id}`,
          title: words.title,
          link: absolute(origin, e.event.toolId ? u.toolHistory(e.event.toolId) : u.log()),
          updated: e.event.at,
          // The last line is a link of the chain: its hash anchors every entry before it.
          summary: words.summary,
        };
      }),
    },
    60,
  );
}
