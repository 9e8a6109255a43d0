import type { SunsetState } from "../../registry/lifecycle/sunset";
import { useT } from "~/i18n/use-lang";

/**
 * The sunset state. A retired tool has no sunset badge: its deployment status badge already says
 * 已停用 / Retired, and the same word twice side by side reads as two different facts.
 */
export function SunsetBadge({ state, date }: { state: SunsetState; date?: string | null }) {
  const { l, t, date: fmt } = useT();
  if (state === "retired") return null;
  return (
    <span className={`badge sunset-${state}`}>
      {l("sunset", state)}
      {date ? ` · ${t("sunsetLabel")} ${fmt(date)}` : ""}
    </span>
  );
}

export function StatusBadge({ group, value }: { group: "status" | "review" | "level"; value: string | null }) {
  const { l } = useT();
  const v = value ?? "none";
  return <span className={`badge ${group}-${v}`}>{l(group, v)}</span>;
}

type Classification = { scheme: string; value: string };

/**
 * The classes other regimes gave a tool (standard v1.1 `classifications`), each as its scheme
 * names it: shown for a record mirrored from another register instead of this register's impact
 * level, which the record never had.
 */
export function ClassificationBadges({ classifications }: { classifications: Classification[] }) {
  const { l, t } = useT();
  return (
    <>
      {classifications.map((c, i) => (
        <span key={i} className="badge classification">
          {l("classificationScheme", c.scheme)}{t("labelColon")}{c.value}
        </span>
      ))}
    </>
  );
}
