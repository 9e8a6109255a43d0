import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ctxOf, getSunsetOverview } from "~/registry.server";
import type { ToolSummary } from "../../registry/records/summary.server";
import { metaContext, pageTitle } from "~/i18n/meta";
import type { StringKey } from "~/i18n/strings";
import { useT } from "~/i18n/use-lang";
import { ToolCard } from "~/components/tool-card";
import { PUBLIC_PAGE } from "~/page-cache";
import { DataDownloads, dataDownloadsLinks } from "~/components/data-downloads";

// Public: the same for every visitor without a session, so it may be served from the page cache.
export const handle = PUBLIC_PAGE;
export const links = dataDownloadsLinks;

/** The sunset states this page gathers: its downloads hold the tools in any of them. */
const SUNSET_VIEW = ["due_soon", "lapsed", "no_sunset"];

export async function loader() {
  return { overview: await getSunsetOverview(ctxOf()) };
}

// Feed readers find the sunset feed here, in the page's language.
export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const { t, u } = metaContext(matches);
  return [
    pageTitle(matches, () => t("sunsetsTitle")),
    { tagName: "link", rel: "alternate", type: "application/atom+xml", href: u.sunsetsAtom(), title: t("sunsetsFeedTitle") },
  ];
};

function Group({ id, heading, count, tools, state, note }: { id: string; heading: StringKey; count: number; tools: ToolSummary[]; state: string; note?: StringKey }) {
  const { t, num, u } = useT();
  return (
    <section aria-labelledby={id} className={`sunset-group sunset-group-${state}`}>
      <h2 id={id}>{t(heading, { n: num(count) })}</h2>
      {note ? <p>{t(note)}</p> : null}
      {tools.length ? (
        <ul className="tool-list">
          {tools.map((tool) => (
            <ToolCard key={tool.id} tool={tool} />
          ))}
        </ul>
      ) : (
        <p className="empty">{t("sunsetsNone")}</p>
      )}
      {count > tools.length ? (
        <p>
          <Link to={u.tools({ sunset: state, sort: "sunset" })}>{t("sunsetsMore", { n: num(count) })}</Link>
        </p>
      ) : null}
    </section>
  );
}

export default function Sunsets() {
  const { overview: o } = useLoaderData<typeof loader>();
  const { t, u } = useT();
  return (
    <>
      <h1>{t("sunsetsTitle")}</h1>
      <p className="lead">{t("sunsetsIntro")}</p>
      <p>
        <a href={u.sunsetsAtom()}>{t("sunsetsFeed")}</a>
      </p>
      <Group id="lapsed-h" heading="sunsetsLapsed" count={o.counts.lapsed} tools={o.lapsed} state="lapsed" note="sunsetsLapsedText" />
      <Group id="due-h" heading="sunsetsDueSoon" count={o.counts.due_soon} tools={o.dueSoon} state="due_soon" />
      <Group id="none-h" heading="sunsetsNoSunset" count={o.counts.no_sunset} tools={o.noSunset} state="no_sunset" />
      <Group id="later-h" heading="sunsetsUpcoming" count={o.counts.ok} tools={o.upcoming} state="ok" />
      <DataDownloads view={{ kind: "list", query: { sunset: SUNSET_VIEW }, total: o.counts.lapsed + o.counts.due_soon + o.counts.no_sunset }} />
    </>
  );
}
