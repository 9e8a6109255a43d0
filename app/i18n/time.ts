// Times of day as a reader sees them: in the register's time zone (where its government sits), with
// the zone's name beside every time, so a reader in China is never 8 hours off and a reader
// elsewhere knows which clock is meant. Machine-readable places (<time dateTime>, JSON, CSV, feeds)
// keep the stored ISO timestamp; only the text people read goes through here.
import { REGISTER_TIME_ZONE } from "../../registry/lifecycle/sunset";
import type { Lang } from "./strings";

/** The zone's name for people: 北京时间 / Beijing time for the default, otherwise the IANA name. */
export function timeZoneLabel(lang: Lang, timeZone: string = REGISTER_TIME_ZONE): string {
  if (timeZone === "Asia/Shanghai") return lang === "zh" ? "北京时间" : "Beijing time";
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return lang === "zh" ? "协调世界时" : "UTC";
  return timeZone;
}

type Parts = { year: string; month: string; day: string; hour: string; minute: string; second: string };

// One formatter per time zone (building one costs far more than formatting with it).
const partFormats = new Map<string, Intl.DateTimeFormat>();

function partsIn(at: Date, timeZone: string): Parts {
  const out: Record<string, string> = {};
  let f = partFormats.get(timeZone);
  if (!f)
    partFormats.set(
      timeZone,
      (f = new Intl.DateTimeFormat("en-GB", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
        second: "2-digit",
      })),
    );
  for (const p of f.formatToParts(at)) out[p.type] = p.value;
  return out as Parts;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function dayText(p: Pick<Parts, "year" | "month" | "day">, lang: Lang): string {
  return lang === "zh" ? `${p.year}年${Number(p.month)}月${Number(p.day)}日` : `${Number(p.day)} ${MONTHS[Number(p.month) - 1]} ${p.year}`;
}

/** A stored timestamp (ISO 8601 with a zone, e.g. 2026-11-28T03:54:12.000Z) as it is parsed. */
function instant(iso: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(iso)) return null;
  const d = new Date(/[zZ]|[+-]\d{2}:?\d{2}$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? null : d;
}

/**
 * A timestamp as date and time of day in the register's zone, labelled:
 * "2026年11月28日 11:54 北京时间" / "28 Nov 2026, 11:54 Beijing time".
 */
export function formatDateTime(
  iso: string | null | undefined,
  lang: Lang,
  opts: { seconds?: boolean; timeZone?: string } = {},
): string {
  if (!iso) return "";
  const at = instant(iso);
  if (!at) return iso;
  const timeZone = opts.timeZone ?? REGISTER_TIME_ZONE;
  const p = partsIn(at, timeZone);
  const time = `${p.hour}:${p.minute}${opts.seconds ? `:${p.second}` : ""}`;
  return lang === "zh" ? `${dayText(p, lang)} ${time} ${timeZoneLabel(lang, timeZone)}` : `${dayText(p, lang)}, ${time} ${timeZoneLabel(lang, timeZone)}`;
}

/** The calendar day (YYYY-MM-DD) of a timestamp in the register's zone; a plain date is kept. */
export function registerDay(iso: string, timeZone: string = REGISTER_TIME_ZONE): string {
  const at = instant(iso);
  if (!at) return iso.slice(0, 10);
  const p = partsIn(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}
