import type { SunsetState } from "../../registry/sunset";
import { useT } from "~/i18n/use-lang";

export function SunsetBadge({ state, date }: { state: SunsetState; date?: string | null }) {
  const { l, t, date: fmt } = useT();
  return (
    <span className={`badge sunset-${state}`}>
      {l("sunset", state)}
      {date && state !== "retired" ? ` · ${t("sunsetLabel")} ${fmt(date)}` : ""}
    </span>
  );
}

export function StatusBadge({ group, value }: { group: "status" | "review" | "level"; value: string | null }) {
  const { l } = useT();
  const v = value ?? "none";
  return <span className={`badge ${group}-${v}`}>{l(group, v)}</span>;
}
