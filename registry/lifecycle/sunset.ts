// Sunset state is computed from dates, never stored: a tool becomes lapsed at midnight after its
// sunset date without anyone writing anything. The list's facet index (list-index.server.ts)
// applies this same function and recomputes its sunset column when the date changes.
import type { DeploymentStatus, ReviewStatus } from "../standard/v1";

export const SUNSET_STATES = ["ok", "due_soon", "lapsed", "no_sunset", "retired", "not_applicable", "source_regime"] as const;
export type SunsetState = (typeof SUNSET_STATES)[number];

/** A tool is due for sunset when its sunset date is at most this many days away. */
export const DUE_SOON_DAYS = 60;

/**
 * The register's time zone (an IANA name), where its government sits: the day a sunset passes and
 * the clock every time on a page is shown in. Set with REGISTER_TIME_ZONE (default Asia/Shanghai)
 * on the server; the browser reads the server's value from `<meta name="register-time-zone">` (app/root.tsx),
 * so a page and its hydration never disagree. An unknown zone stops the server at start.
 */
export const REGISTER_TIME_ZONE = configuredTimeZone();

function configuredTimeZone(): string {
  const fromEnv = typeof process !== "undefined" ? process.env?.REGISTER_TIME_ZONE : undefined;
  const fromPage = typeof document !== "undefined" ? document.querySelector('meta[name="register-time-zone"]')?.getAttribute("content") : undefined;
  const zone = fromEnv || fromPage || "Asia/Shanghai";
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw new Error(`REGISTER_TIME_ZONE=${JSON.stringify(zone)} is not a time zone this machine knows; use an IANA name such as Asia/Shanghai or Europe/Amsterdam.`);
  }
  return zone;
}

// One formatter per time zone: building an Intl.DateTimeFormat costs far more than formatting
// with one (about 0.5 ms against 2 µs), and every list and record page asks for today.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's date (YYYY-MM-DD) where the register's government sits. */
export function todayIso(now: Date = new Date(), timeZone = REGISTER_TIME_ZONE): string {
  let f = dayFormats.get(timeZone);
  if (!f) dayFormats.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(now);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((Date.parse(`${toIso}T00:00:00Z`) - Date.parse(`${fromIso}T00:00:00Z`)) / 86_400_000);
}

export type SunsetInput = {
  deploymentStatus: DeploymentStatus | string;
  reviewStatus: ReviewStatus | string;
  sunsetDate: string | null;
  /** The record is mirrored from another register (registry/standard/regime.ts), whose rules govern it. */
  mirrored?: boolean;
};

/**
 * - retired: the tool has been retired.
 * - not_applicable: a proposal that was rejected or withdrawn and never deployed.
 * - no_sunset: no end date was ever set (shown as running without a lawful end date).
 * - lapsed: today is after the sunset date (the sunset date itself is the last lawful day).
 * - due_soon: the sunset date is today or within DUE_SOON_DAYS days.
 * - source_regime: a record mirrored from another register that is not retired. This register's
 *   sunset rule does not govern it (the source register's rules do), so it is never lapsed,
 *   due or "without a lawful end date" here; its page says what the source says instead.
 * - ok: otherwise.
 */
export function sunsetState(t: SunsetInput, today: string, dueBy: string = addDays(today, DUE_SOON_DAYS)): SunsetState {
  if (t.deploymentStatus === "retired") return "retired";
  if (t.mirrored) return "source_regime";
  if (t.deploymentStatus === "proposed" && (t.reviewStatus === "rejected" || t.reviewStatus === "withdrawn")) return "not_applicable";
  if (!t.sunsetDate) return "no_sunset";
  if (t.sunsetDate < today) return "lapsed";
  if (t.sunsetDate <= dueBy) return "due_soon";
  return "ok";
}

/** States shown as unlawful to keep running. */
export function isUnlawfulToRun(state: SunsetState): boolean {
  return state === "lapsed" || state === "no_sunset";
}
