// The event log as JSON, a page at a time (oldest first), with what a client needs to check it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { listEvents, verifyLogCached } from "~/registry.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("page");
  const page = raw && /^\d{1,7}$/.test(raw) ? Number(raw) : 1;
  const log = listEvents({ page });
  const origin = new URL(request.url).origin;
  const body = {
    hashAlgorithm:
      "hash = SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of {id, at, kind, toolId, actor, payload, prevHash}; the first entry's prevHash is 64 zeros.",
    verification: verifyLogCached(),
    page: log.page,
    pageCount: log.pageCount,
    total: log.total,
    next: log.page < log.pageCount ? `${origin}/log.json?page=${log.page + 1}` : null,
    events: log.events,
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" },
  });
}
