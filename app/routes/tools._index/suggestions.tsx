import { Link } from "@remix-run/react";
import { useT } from "~/i18n/use-lang";

/** "Did you mean": corrected searches that find tools, as links to their result lists. */
export function Suggestions({ suggestions }: { suggestions: string[] }) {
  const { t, u } = useT();
  if (!suggestions.length) return null;
  return (
    <nav className="did-you-mean" aria-label={t("didYouMeanLabel")}>
      <p>
        {t("didYouMean")}{" "}
        {suggestions.map((s, i) => (
          <span key={s}>
            {i > 0 ? " · " : null}
            <Link to={u.tools(new URLSearchParams({ q: s }))}>{s}</Link>
          </span>
        ))}
      </p>
    </nav>
  );
}
