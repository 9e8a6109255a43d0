// The event log as JSON, a page at a time (oldest first), with what a client needs to check it.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { chainStatus, listEvents, ctxOf } from "~/registry.server";
import { absolute, paths } from "../../registry/shared/urls";

export async function loader({ request }: LoaderFunctionArgs) {
  const raw = new URL(request.url).searchParams.get("page");
  const page = raw && /^\d{1,7}$/.test(raw) ? Number(raw) : 1;
  const log = await listEvents(ctxOf(), { page });
  const chain = await chainStatus(ctxOf());
  const origin = new URL(request.url).origin;
  const body = {
    hashAlgorithm:
      "hash = SHA-256 (hex) of the canonical JSON (object keys sorted, no whitespace) of {id, at, kind, toolId, actor, payload, prevHash}; the first entry's prevHash is 64 zeros.",
    // The latest event of the whole log now: keep it, and check later that the register still
    // contains it unchanged (npm run verify-log -- --expect <id>:<hash>).
    head: chain.head,
    // The server's latest full check, with its time (null before the first).
    verification: chain.lastCheck,
    page: log.page,
    pageCount: log.pageCount,
    total: log.total,
    next: log.page < log.pageCount ? absolute(origin, paths.logJson({ page: log.page + 1 })) : null,
    events: log.events,
  };
  return new Response(JSON.stringify(body, null, 1), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache", "Access-Control-Allow-Origin": "*" },
  });
}
