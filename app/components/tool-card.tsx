import { Link } from "@remix-run/react";
import type { ToolSummary } from "../../registry/tools.server";
import { useT } from "~/i18n/use-lang";
import { LocalText, Marked } from "./text";
import { StatusBadge, SunsetBadge } from "./badges";

export function ToolCard({ tool, extra }: { tool: ToolSummary; extra?: React.ReactNode }) {
  const { lang, l, t, num } = useT();
  const snip = tool.snippet ? (tool.snippet[lang] ?? tool.snippet[lang === "zh" ? "en" : "zh"]) : null;
  return (
    <li className={`tool-card${tool.sunsetState === "lapsed" || tool.sunsetState === "no_sunset" ? " unlawful" : ""}`}>
      <h3>
        <Link to={`/tools/${tool.id}`}>
          <LocalText value={tool.name} />
        </Link>{" "}
        <span className="tool-id">{tool.id}</span>
      </h3>
      <p className="meta">
        {l("kind", tool.kind)} · {l("jurisdiction", tool.jurisdictionLevel)} · <LocalText value={tool.place} />
      </p>
      {snip ? (
        <p className="summary">
          <Marked segments={snip} />
        </p>
      ) : (
        <LocalText value={tool.summary} as="p" className="summary" />
      )}
      <p className="badges">
        <StatusBadge group="status" value={tool.deploymentStatus} />
        <StatusBadge group="review" value={tool.reviewStatus} />
        <StatusBadge group="level" value={tool.impactLevel} />
        <SunsetBadge state={tool.sunsetState} date={tool.sunsetDate} />
        {tool.commentCount ? (
          <Link to={`/tools/${tool.id}#comments`} className="comment-count">
            {t("commentsCount", { n: num(tool.commentCount) })}
          </Link>
        ) : null}
      </p>
      {extra}
    </li>
  );
}
