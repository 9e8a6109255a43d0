// The open API: its OpenAPI document is valid OpenAPI 3.1, and every documented operation
// answers as documented (status, headers and a body matching the documented schema), through
// the real Remix request handler. Also the HTTP rules: CORS, 304s, 405, JSON 404s and 500s.
import { describe, expect, it, vi } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { publishedInterop } from "~/interop-export.server";
import { useFreshDb } from "../helpers/db";
import { fetchApi, getJson, ORIGIN, schemaValidator, seedActivity, type OpenApiDoc } from "./api-helpers";
import { apiLoader } from "~/api.server";
import { moderateComment, postComment } from "../../registry/voice/comments.server";
import { actorByEmail } from "../helpers/factories";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { ctxOf } from "../../registry/shared/context";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server";
import ApiDocs, { loader as docsLoader } from "~/routes/api._index";
import { seedId } from "../helpers/seed";

// Seed records, found by slug (test/helpers/seed.ts).
const SUISHEN_CODE = seedId("shanghai-suishen-code");

useFreshDb();

type Operation = OpenApiDoc["paths"][string]["get"];
type Resolved = { description: string; headers?: Record<string, unknown>; content?: { "application/json": { schema: unknown } } };

async function loadDocument(): Promise<OpenApiDoc> {
  const { res, body } = await getJson<OpenApiDoc>("/api/openapi.json");
  expect(res.status).toBe(200);
  return body;
}

/** A documented response, with a $ref to components.responses resolved. */
function response(doc: OpenApiDoc, op: Operation, status: string): Resolved | undefined {
  const r = (op.responses as Record<string, unknown>)[status] as Resolved | { $ref: string } | undefined;
  if (r && "$ref" in r) return (doc.components.responses as Record<string, Resolved>)[r.$ref.split("/").pop()!];
  return r;
}
const headerNames = (r: Resolved) => Object.keys(r.headers ?? {});
const paramNames = (doc: OpenApiDoc, op: Operation) =>
  ((op as { parameters?: { $ref: string }[] }).parameters ?? []).map((p) => (doc.components.parameters as Record<string, { name: string; in: string }>)[p.$ref.split("/").pop()!]!);

/** The API's own operations (the foreign-format downloads documented beside them are files, tested in interop-export-route.test.ts). */
const apiPaths = (doc: OpenApiDoc) => Object.entries(doc.paths).filter(([p]) => p.startsWith("/api"));

/** A concrete URL for a documented path, with real ids filled in. */
function sample(path: string, values: { id: string; slug: string }): string {
  return path.replace("{id}", values.id).replace("{slug}", values.slug);
}

describe("the OpenAPI document", () => {
  // Compiling the whole document takes a few seconds on a busy two-core machine: not a speed check.
  it("validates against the OpenAPI 3.1 schema, and every schema in it compiles as strict JSON Schema 2020-12", { timeout: 60_000 }, async () => {
    const doc = await loadDocument();
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(() => schemaValidator(doc).compileAll()).not.toThrow();
    // The validator really checks: a document without info, or with an answer lacking its description, is refused.
    const { info: _info, ...noInfo } = doc;
    expect((await new Validator().validate(noInfo)).valid).toBe(false);
    const broken = structuredClone(doc) as unknown as { paths: Record<string, { get: { responses: Record<string, Record<string, unknown>> } }> };
    delete broken.paths["/api/v1/tools"]!.get.responses["200"]!.description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("is served with CORS and a validator, and points at this server", async () => {
    const { res, body } = await getJson<OpenApiDoc>("/api/openapi.json");
    expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("ETag")).toMatch(/^W\/".+"$/);
    expect(body.servers).toEqual([{ url: ORIGIN }]);
    expect(Object.keys(body.paths).sort()).toEqual(
      [
        "/api/openapi.json",
        "/api/v1",
        "/api/v1/agencies",
        "/api/v1/agencies/{slug}",
        "/api/v1/events",
        "/api/v1/incidents",
        "/api/v1/tools",
        "/api/v1/tools/{id}",
        "/api/v1/tools/{id}/revisions",
        // The downloads in the foreign formats this register publishes (issue 16), beside the API.
        ...publishedInterop().map((f) => `/interop/${f.key}.${f.extension}`),
      ].sort(),
    );
    expect(Object.keys(body.paths)).toContain("/interop/omb-2025.csv");
    // Documented with the list's filters and the file's media type, as a download.
    const omb = (body.paths as unknown as Record<string, { get: { parameters: { $ref: string }[]; responses: Record<string, { content?: Record<string, unknown>; headers?: Record<string, unknown> }> } }>)["/interop/omb-2025.csv"]!.get;
    expect(omb.parameters.map((p) => p.$ref.split("/").pop())).toEqual(expect.arrayContaining(["q", "regime", "kind", "agency", "exportSort"]));
    expect(Object.keys(omb.responses["200"]!.content!)).toEqual(["text/csv"]);
    expect(Object.keys(omb.responses["200"]!.headers!)).toContain("Content-Disposition");
  });
});

describe("every documented operation", () => {
  it("answers 200 with the documented headers and a body matching the documented schema, and 304 to its own ETag", async () => {
    const { reviewedId } = await seedActivity();
    const doc = await loadDocument();
    const schemas = schemaValidator(doc);
    const values = { id: reviewedId, slug: "shanghai-municipal-government" };
    let checked = 0;
    for (const [path, item] of apiPaths(doc)) {
      expect(Object.keys(item), path).toEqual(["get"]);
      const op = item.get;
      const ok = response(doc, op, "200")!;
      // Lists with a small page, so the next link and cursor are part of what is checked.
      const paged = paramNames(doc, op).some((p) => p.name === "limit");
      const url = sample(path, values) + (paged ? "?limit=2" : "");
      const res = await fetchApi(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get("Content-Type"), url).toBe("application/json; charset=utf-8");
      const body = (await res.json()) as { next?: string | null };
      expect(schemas.errors(ok.content!["application/json"].schema, body), url).toEqual([]);
      for (const name of headerNames(ok)) {
        if (name === "Link") expect(res.headers.get("Link"), url).toBe(body.next ? `<${body.next}>; rel="next"` : null);
        else expect(res.headers.get(name), `${url} ${name}`).toBeTruthy();
      }
      if (paged) expect(body.next, url).toMatch(/^http:\/\/register\.test\/api\/v1\/\w+\?limit=2&cursor=[\w-]+$/);
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");

      const notModified = response(doc, op, "304")!;
      const again = await fetchApi(url, { headers: { "If-None-Match": res.headers.get("ETag")! } });
      expect(again.status, url).toBe(304);
      expect(await again.text()).toBe("");
      for (const name of headerNames(notModified)) if (name !== "Last-Modified" || res.headers.has(name)) expect(again.headers.get(name), `${url} 304 ${name}`).toBe(res.headers.get(name));
      checked++;
    }
    expect(checked).toBe(9);
  });

  it("answers its documented errors (301, 400, 404) as documented, as JSON", async () => {
    const doc = await loadDocument();
    const schemas = schemaValidator(doc);
    const bad = { id: "ALG-999999", slug: "no-such-agency" };
    const good = { id: SUISHEN_CODE, slug: "shanghai-municipal-government" };
    const seen = new Set<string>();
    for (const [path, { get: op }] of apiPaths(doc)) {
      const documented = Object.keys(op.responses);
      expect(documented, path).toEqual(expect.arrayContaining(["200", "304", "500"]));
      if (documented.includes("301")) {
        const res = await fetchApi(sample(path, { ...good, id: "shanghai-suishen-code" }));
        expect(res.status, path).toBe(301);
        expect(res.headers.get("Location")).toBe(`${ORIGIN}${sample(path, good)}`);
        seen.add("301");
      }
      if (documented.includes("400")) {
        const res = await fetchApi(`${sample(path, good)}?limit=0`);
        expect(res.status, path).toBe(400);
        const body = (await res.json()) as { param: string };
        expect(schemas.errors(response(doc, op, "400")!.content!["application/json"].schema, body)).toEqual([]);
        expect(body.param).toBe("limit");
        seen.add("400");
      }
      if (documented.includes("404")) {
        const res = await fetchApi(sample(path, bad));
        expect(res.status, path).toBe(404);
        expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
        expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
        expect(schemas.errors(response(doc, op, "404")!.content!["application/json"].schema, await res.json())).toEqual([]);
        seen.add("404");
      }
    }
    expect([...seen].sort()).toEqual(["301", "400", "404"]);
  });

  it("documents the filters the tool list really takes, with the values the register uses", async () => {
    const doc = await loadDocument();
    const names = paramNames(doc, doc.paths["/api/v1/tools"]!.get).map((p) => p.name);
    expect(names).toEqual(["q", "kind", "jurisdiction", "status", "review", "level", "sunset", "category", "sensitive", "regime", "agency", "sort", "lang", "limit", "cursor"]);
    const kind = (doc.components.parameters as unknown as Record<string, { schema: { type: string; items: { enum: string[] } }; explode: boolean }>).kind!;
    expect(kind.schema.items.enum).toContain("code_system");
    // A filter may be repeated: the values are alternatives.
    expect([kind.schema.type, kind.explode]).toEqual(["array", true]);
  });
});

describe("HTTP", () => {
  it("answers a CORS preflight for GET and HEAD, and exposes the validators to scripts", async () => {
    const pre = await fetchApi("/api/v1/tools?kind=app", { method: "OPTIONS", headers: { Origin: "https://example.org", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "if-none-match" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(pre.headers.get("Access-Control-Allow-Methods")).toBe("GET, HEAD, OPTIONS");
    expect(pre.headers.get("Access-Control-Allow-Headers")).toBe("*");
    const res = await fetchApi("/api/v1/agencies", { headers: { Origin: "https://example.org" } });
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(res.headers.get("Access-Control-Expose-Headers")).toContain("ETag");
  });

  it("refuses other methods with 405, an Allow header and a JSON message", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      for (const path of ["/api/v1/tools", `/api/v1/tools/${SUISHEN_CODE}`, "/api/v1/events", "/api/openapi.json"]) {
        const res = await fetchApi(path, { method, body: method === "DELETE" ? undefined : "x=1" });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.headers.get("Allow")).toBe("GET, HEAD, OPTIONS");
        expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
        expect(await res.json()).toMatchObject({ error: "method_not_allowed", message: expect.stringContaining("read-only") });
      }
    }
  });

  it("answers unknown paths under /api with a JSON 404, never the HTML page", async () => {
    for (const [method, path] of [
      ["GET", "/api/v1/nothing"],
      ["GET", "/api/v2/tools"],
      ["GET", `/api/v1/tools/${SUISHEN_CODE}/nothing`],
      ["GET", "/api/openapi.yaml"],
      ["POST", "/api/v1/nothing"],
    ] as const) {
      const res = await fetchApi(path, { method });
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
      expect(await res.json()).toEqual({ error: "not_found", message: expect.stringContaining("/api/openapi.json") });
    }
    const tool = await getJson("/api/v1/tools/ALG-999999");
    expect(tool.res.status).toBe(404);
    expect(tool.body).toEqual({ error: "not_found", message: expect.stringContaining("ALG-999999") });
  });

  it("answers HEAD with the headers of GET and no body", async () => {
    const get = await fetchApi("/api/v1/tools?kind=code_system");
    const head = await fetchApi("/api/v1/tools?kind=code_system", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
    expect(head.headers.get("ETag")).toBe(get.headers.get("ETag"));
    expect(head.headers.get("Last-Modified")).toBe(get.headers.get("Last-Modified"));
  });

  it("answers 304 to If-None-Match and If-Modified-Since, and 200 once the data changed", async () => {
    const url = `/api/v1/tools/${SUISHEN_CODE}`;
    const first = await fetchApi(url);
    const etag = first.headers.get("ETag")!;
    const lastModified = first.headers.get("Last-Modified")!;
    expect(etag).toMatch(/^W\/"[\w-]{43}"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    expect(first.headers.get("Cache-Control")).toBe("public, max-age=0, must-revalidate");
    const status = async (headers: Record<string, string>) => (await fetchApi(url, { headers })).status;
    expect(await status({ "If-None-Match": etag })).toBe(304);
    expect(await status({ "If-None-Match": etag.slice(2) })).toBe(304); // the strong form compares weakly
    expect(await status({ "If-None-Match": `"other", ${etag}` })).toBe(304);
    expect(await status({ "If-None-Match": "*" })).toBe(304);
    expect(await status({ "If-None-Match": '"other"' })).toBe(200);
    expect(await status({ "If-Modified-Since": lastModified })).toBe(304);
    expect(await status({ "If-Modified-Since": new Date(Date.parse(lastModified) + 3_600_000).toUTCString() })).toBe(304);
    expect(await status({ "If-Modified-Since": new Date(Date.parse(lastModified) - 1000).toUTCString() })).toBe(200);
    expect(await status({ "If-Modified-Since": "not a date" })).toBe(200);
    // If-None-Match wins over If-Modified-Since.
    expect(await status({ "If-None-Match": '"other"', "If-Modified-Since": lastModified })).toBe(200);

    // A comment is published on the record: the answer changes, and so do both validators.
    const reviewer = actorByEmail("reviewer.samr@register.example");
    const { id } = (await postComment(ctxOf({ address: "192.0.2.20", now: new Date() }), { toolId: SUISHEN_CODE, comment: { body: "Who can see my trips?" } })) as { id: number };
    expect(await status({ "If-None-Match": etag })).toBe(304); // pending comments are not public
    await moderateComment(ctxOf({ actor: reviewer, now: new Date(Date.now() + 1000) }), { commentId: id, decision: "publish", reason: undefined });
    const after = await fetchApi(url, { headers: { "If-None-Match": etag, "If-Modified-Since": lastModified } });
    expect(after.status).toBe(200);
    expect(after.headers.get("ETag")).not.toBe(etag);
    expect(Date.parse(after.headers.get("Last-Modified")!)).toBeGreaterThan(Date.parse(lastModified));
    expect(await status({ "If-Modified-Since": lastModified })).toBe(200);
  });

  it("answers an unexpected failure with a JSON 500 that reveals nothing, and logs it", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await apiLoader(new Request(`${ORIGIN}/api/v1/tools`), () => {
      throw new Error("SQLITE_CORRUPT: secret detail");
    });
    expect(res.status).toBe(500);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = await res.text();
    expect(JSON.parse(body)).toEqual({ error: "internal_error", message: expect.any(String) });
    expect(body).not.toContain("SQLITE");
    expect(logged).toHaveBeenCalledTimes(1);
  });
});

describe("the documentation page", () => {
  /** The page rendered to HTML the way the server does, under a root route that gives the language. */
  async function render(lang: "zh" | "en"): Promise<string> {
    const routes = [
      {
        id: "root",
        path: "/",
        loader: () => ({ lang }),
        children: [{ id: "docs", path: "api", loader: ({ request }: { request: Request }) => docsLoader({ request, params: {}, context: {} }), Component: ApiDocs }],
      },
    ];
    const handler = createStaticHandler(routes);
    const context = await handler.query(new Request(`${ORIGIN}/api`, { headers: { "Accept-Language": lang } }));
    if (context instanceof Response) throw new Error(`unexpected response ${context.status}`);
    return renderToString(createElement(StaticRouterProvider, { router: createStaticRouter(handler.dataRoutes, context), context, hydrate: false }));
  }

  it("lists every operation of the document with a working example, in Chinese and in English", async () => {
    const doc = await loadDocument();
    const paths = apiPaths(doc).map(([p]) => p);
    for (const lang of ["zh", "en"] as const) {
      const html = await render(lang);
      expect(html).toContain(lang === "zh" ? "开放数据接口" : "Open data API");
      expect(html).toContain(lang === "zh" ? "接口中绝不包含的内容" : "What is never in the API");
      expect(html).toContain('href="/api/openapi.json"');
      for (const path of paths) expect(html, path).toContain(`<code>GET <!-- -->${path}</code>`);
      const examples = [...html.matchAll(/<a href="(\/api[^"]*)"><code>/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
      expect(examples).toHaveLength(paths.length);
      for (const example of examples) expect((await fetchApi(example)).status, example).toBe(200);
    }
  });
});
