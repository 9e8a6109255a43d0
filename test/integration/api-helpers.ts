// Helpers for the API tests: the real Remix request handler over the app's real route files
// (so routing, methods, HEAD and OPTIONS behave as in production), and a JSON Schema validator
// loaded with the schemas of the OpenAPI document.
import path from "node:path";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { ROOT } from "../helpers/paths";
import { openApiDocument } from "../../registry/exchange/api/openapi";
import { actorByEmail, completeSections, newIdentity } from "../helpers/factories";
import { createDraft, saveDraftSection } from "../../registry/review/drafts.server";
import { decide, recordFinding, startReview } from "../../registry/review/review.server";
import { postConsultationResponse } from "../../registry/voice/consultation.server";
import { startRevision, submitDraft } from "../../registry/review/submission.server";
import { ctxOf } from "../../registry/shared/context";
import { CRITERIA } from "../../registry/review/review-terms";
import { type SectionName } from "../../registry/standard/sections";
import { moderateComment, postComment, replyToComment } from "../../registry/voice/comments.server";

const APP = path.join(ROOT, "app");
export const ORIGIN = "http://register.test";
const SCHEMAS_ID = "https://register.test/openapi-schemas";

let handler: ((request: Request) => Promise<Response>) | undefined;

/**
 * A request handler built from the app's route files as the Remix compiler finds them. The API
 * routes are the real modules; every other route is a stub page, there only so that route
 * ranking (e.g. the site's own 404 splat) is the real one. Page requests are not served.
 */
async function getHandler() {
  if (handler) return handler;
  const manifest = flatRoutes(APP, ["**/.*", "**/*.test.*"]);
  const page = { default: () => null };
  const routes: ServerBuild["routes"] = { root: { id: "root", path: "", module: page as never } };
  for (const r of Object.values(manifest)) {
    const isApi = r.id.startsWith("routes/api.") && !r.file.endsWith(".tsx");
    const module = isApi ? await import(/* @vite-ignore */ path.join(APP, r.file)) : page;
    routes[r.id] = { id: r.id, parentId: r.parentId, path: r.path, index: r.index, caseSensitive: r.caseSensitive, module };
  }
  const build = {
    mode: "production",
    entry: { module: { default: () => new Response("page requests are not served by the API test handler", { status: 599 }) } },
    routes,
    assets: { url: "/build/manifest.js", version: "test", entry: { module: "/build/entry.js", imports: [] }, routes: {} },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: true },
    isSpaMode: false,
  } as unknown as ServerBuild;
  const h = createRequestHandler(build, "production");
  handler = (request) => h(request, {});
  return handler;
}

/** An HTTP request to the app, like a client would send it. */
export async function fetchApi(pathAndQuery: string, init: RequestInit = {}): Promise<Response> {
  return (await getHandler())(new Request(new URL(pathAndQuery, ORIGIN), init));
}

export async function getJson<T = Record<string, unknown>>(pathAndQuery: string, init: RequestInit = {}): Promise<{ res: Response; body: T }> {
  const res = await fetchApi(pathAndQuery, init);
  return { res, body: (await res.json()) as T };
}

export type OpenApiDoc = ReturnType<typeof openApiDocument>;

/** Every x- keyword used in a schema tree: OpenAPI allows extensions, strict JSON Schema does not know them. */
function extensionKeywords(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => extensionKeywords(v, out));
  else if (value && typeof value === "object")
    for (const [k, v] of Object.entries(value)) {
      if (k.startsWith("x-")) out.add(k);
      extensionKeywords(v, out);
    }
  return out;
}

/**
 * Validators for the document's component schemas, compiled by Ajv in strict mode with the
 * 2020-12 draft (the dialect of OpenAPI 3.1). References to components are rewritten to $defs.
 */
export function schemaValidator(doc: OpenApiDoc) {
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const k of extensionKeywords(doc.components.schemas)) ajv.addKeyword({ keyword: k, schemaType: ["string", "number", "boolean", "object", "array"] });
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`)) as Record<string, unknown>;
  ajv.addSchema({ $id: SCHEMAS_ID, $defs: defs });
  const cache = new Map<string, ValidateFunction>();
  return {
    /** Errors of `value` against a schema of the document (a $ref or an inline schema); empty when valid. */
    errors(schema: unknown, value: unknown): string[] {
      const text = JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${SCHEMAS_ID}#/$defs/`);
      let fn = cache.get(text);
      if (!fn) cache.set(text, (fn = ajv.compile(JSON.parse(text) as object)));
      return fn(value) ? [] : (fn.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
    },
    compileAll() {
      for (const name of Object.keys(defs)) ajv.getSchema(`${SCHEMAS_ID}#/$defs/${name}`);
    },
  };
}

// ------------------------------------------------------------------ activity


const official = () => actorByEmail("official.shanghai@register.example");
const reviewer = () => actorByEmail("reviewer.samr@register.example");
const D0 = new Date("2026-03-01T09:00:00Z");
const day = (n: number) => new Date(D0.getTime() + n * 86_400_000);

/** Things only the drafting agency, moderators or nobody may see; the API must never show them. */
export const SECRETS = {
  draftName: "SECRET-DRAFT-NAME-7731",
  draftRevision: "SECRET-REVISION-PURPOSE-7732",
  pendingBody: "SECRET-PENDING-COMMENT-7733",
  removedBody: "SECRET-REMOVED-COMMENT-7734",
  email: "secret.commenter@example.org",
} as const;

/**
 * A level III tool carried through review to approval, with a published comment and the
 * agency's reply, a removed and a pending comment, a new draft revision and a never-submitted
 * draft tool.
 */
export async function seedActivity(): Promise<{ reviewedId: string; draftId: string }> {
  const { toolId } = await createDraft(ctxOf({ actor: official(), now: D0 }), { identity: newIdentity("api-test-parking") });
  for (const [name, value] of Object.entries(completeSections({ level: "III", sunset: "2027-02-01" }))) await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: name as SectionName, value });
  await submitDraft(ctxOf({ actor: official(), now: D0 }), { toolId });
  await startReview(ctxOf({ actor: reviewer(), now: day(1) }), { toolId });
  for (const criterion of CRITERIA) await recordFinding(ctxOf({ actor: reviewer(), now: day(2) }), { toolId, finding: { criterion, rating: "met" } });
  const published = (await postComment(ctxOf({ address: "192.0.2.10", now: day(3) }), { toolId, comment: { body: "Is the ranking published?", displayName: "Li", contactEmail: SECRETS.email } })) as { id: number };
  await moderateComment(ctxOf({ actor: reviewer(), now: day(4) }), { commentId: published.id, decision: "publish", reason: undefined });
  await replyToComment(ctxOf({ actor: official(), now: day(5) }), { commentId: published.id, body: "Yes, in the record's logic section." });
  const removed = (await postComment(ctxOf({ address: "192.0.2.11", now: day(3) }), { toolId, comment: { body: SECRETS.removedBody, contactEmail: SECRETS.email } })) as { id: number };
  await moderateComment(ctxOf({ actor: reviewer(), now: day(4) }), { commentId: removed.id, decision: "remove", reason: "Personal attack" });
  await postComment(ctxOf({ address: "192.0.2.12", now: day(6) }), { toolId, comment: { body: SECRETS.pendingBody, displayName: "Wang", contactEmail: SECRETS.email } });
  await postConsultationResponse(ctxOf({ actor: official(), now: day(30) }), { toolId, raised: { en: "Residents asked about retention." }, changed: { en: "Retention shortened." } });
  await decide(ctxOf({ actor: reviewer(), now: day(30) }), { toolId, decision: "approve", summary: { en: "Approved." } });
  await startRevision(ctxOf({ actor: official(), now: day(31) }), { toolId, action: "request_renewal" });
  await saveDraftSection(ctxOf({ actor: official() }), { toolId, section: "purpose", value: { purpose: { en: SECRETS.draftRevision }, legalBasis: [{ citation: "《上海市道路交通管理条例》" }] } });
  const draft = await createDraft(ctxOf({ actor: official(), now: day(32) }), { identity: { ...newIdentity("api-test-secret-draft"), name: { en: SECRETS.draftName } } });
  return { reviewedId: toolId, draftId: draft.toolId };
}
