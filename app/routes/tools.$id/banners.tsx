// The banners at the top of a record page: where a mirrored record comes from and which rules
// govern it, and the sunset state (for a mirrored record, its end date in the source's terms).
import { useT } from "~/i18n/use-lang";
import { PlainText, Sentence, useRegisterName } from "~/components/text";
import { SunsetBadge } from "~/components/badges";
import { daysBetween } from "../../../registry/lifecycle/sunset";
import { usePageData } from "./section-fields";

/**
 * A record mirrored from another register: where it comes from, that the source register's rules
 * govern it (not this register's), when it was copied, and the link to it there.
 */
export function RegimeBanner() {
  const { tool } = usePageData();
  const { t, date } = useT();
  const registerName = useRegisterName();
  const m = tool.mirrored;
  if (!m) return null;
  return (
    <div className="regime-banner" role="note" aria-labelledby="regime-banner-h">
      <strong id="regime-banner-h">{t("mirroredBannerTitle")}</strong>{" "}
      {m.retrievedOn ? t("mirroredBanner", { register: registerName(m.register), date: date(m.retrievedOn) }) : t("mirroredBannerUndated", { register: registerName(m.register) })}
      {m.sourceId ? (
        <>
          {" "}
          <Sentence k="mirroredBannerId" vars={{ id: <PlainText value={m.sourceId} /> }} />
        </>
      ) : null}{" "}
      <a href={m.sourceUrl} rel="nofollow noopener noreferrer" className="regime-source-link">
        {t("mirroredBannerLink")}
      </a>
    </div>
  );
}

export function SunsetBanner() {
  const { tool, today } = usePageData();
  const { t, date } = useT();
  const l = tool.record.lifecycle;
  const s = tool.sunsetState;
  if (s === "ok") return null;
  // Governed by the source register: its end date as it gives it, or that it gives none, never this register's rule.
  if (s === "source_regime")
    return (
      <div className="sunset-banner sunset-source_regime" role="status">
        {l.sunsetDate ? t("mirroredEndDate", { date: date(l.sunsetDate) }) : t("mirroredNoEndDate")}
      </div>
    );
  const text =
    s === "lapsed"
      ? t("lapsedWarning", { date: date(l.sunsetDate) })
      : s === "no_sunset"
        ? t("noSunsetWarning")
        : s === "due_soon"
          ? t("dueSoonWarning", { date: date(l.sunsetDate), days: daysBetween(today, l.sunsetDate!) })
          : s === "retired"
            ? l.retirement?.date
              ? t("retiredNotice", { date: date(l.retirement.date) })
              : t("retiredNoticeUndated")
            : t("notDeployedNotice");
  const alarming = s === "lapsed" || s === "no_sunset";
  return (
    <div className={`sunset-banner sunset-${s}`} role={alarming ? "alert" : "status"}>
      <strong>
        <SunsetBadge state={s} date={l.sunsetDate} />
      </strong>{" "}
      {text}
    </div>
  );
}

