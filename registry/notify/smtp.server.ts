// The SMTP connection, configured by SMTP_URL (smtp://user:password@host:587, smtps://… for TLS
// from the start; README "E-mail"). Without it no mail rows are written and nothing is sent.
// The URL holds a password: it is never logged, and errors are stored without it.
import nodemailer, { type Transporter } from "nodemailer";

export function mailConfigured(): boolean {
  return Boolean(process.env.SMTP_URL?.trim());
}

/** The sender address: SMTP_FROM, else no-reply at the site's host. */
export function mailFrom(): string {
  if (process.env.SMTP_FROM?.trim()) return process.env.SMTP_FROM.trim();
  let host = "localhost";
  try {
    host = new URL(siteUrl()).hostname || host;
  } catch {
    // A malformed SITE_URL: the default host.
  }
  return `no-reply@${host}`;
}

/** The address mails link to: SITE_URL, else this server on its port. */
export function siteUrl(): string {
  return (process.env.SITE_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, "");
}

/**
 * The transport for SMTP_URL. A plain smtp:// server to anything but this machine must upgrade to
 * TLS (STARTTLS) before the login: otherwise someone on the network could strip the offer and read
 * the password. smtps:// is TLS from the start; a local relay on the loopback may go without.
 */
export function transportFor(url: string): Transporter {
  let requireTLS = false;
  try {
    const u = new URL(url);
    requireTLS = u.protocol === "smtp:" && !isLoopback(u.hostname);
  } catch {
    // A malformed URL: nodemailer refuses it when sending, and the error is kept without it.
  }
  return nodemailer.createTransport({ url, requireTLS, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** What is kept of a failed send: the error's code and first line, with any address or credentials cut out. */
export function mailErrorText(e: unknown): string {
  const err = e as { code?: unknown; responseCode?: unknown; message?: unknown };
  const first = String(err?.message ?? e).split("\n")[0]!;
  const cleaned = first
    .replace(/[a-z][a-z0-9+.-]*:\/\/\S+/gi, "[url]")
    .replace(/[^\s<>@"'(),;:]+@[^\s<>"'(),;]+/g, "[e-mail]")
    .replace(/\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b/g, "[address]")
    .replace(/\[[0-9a-f:]+\](:\d+)?/gi, "[address]");
  return [err?.code, err?.responseCode, cleaned].filter((x) => x !== undefined && x !== null && x !== "").join(" ").slice(0, 300);
}
