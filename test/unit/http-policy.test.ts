// The request policy server.mjs applies before any route runs (app/http/, server/limits.mjs):
// who counts as signed in, body limits, cross-site forms, security headers, canonical addresses
// of public pages, the render queue and the start-up checks.
import { createHash } from "node:crypto";
import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { BODY_LIMITS, bodyLimit, isCrossSiteRequest, isSignedInRequest } from "../../app/http/request-policy";
import { documentCsp, inlineScriptHashes, STATIC_SECURITY_HEADERS } from "../../app/http/security-headers";
import { canonicalPageUrl, publicRouteMatcher, type BuildRoute } from "../../app/http/public-routes";
import { refusalPage } from "../../app/http/refusals";
import { publicPage, PUBLIC_PAGE } from "../../app/page-cache";
import { RenderQueue, restartDelay, sendBody, trustProxySetting } from "../../server/limits.mjs";

describe("who counts as signed in", () => {
  it("any spelling of the session cookie, including malformed ones, counts", () => {
    for (const header of ["__session=abc", "lang=x; __session=abc", "__session =abc", " __session= abc", "a=1;__session=", "__session", "x=1; __session  =  y"]) {
      expect(isSignedInRequest(header), header).toBe(true);
    }
  });
  it("no cookie, or only other cookies, does not", () => {
    for (const header of [undefined, null, "", "lang=ImVuIg%3D%3D", "theme=dark; lang=x"]) expect(isSignedInRequest(header)).toBe(false);
  });
});

describe("body limits", () => {
  it("anonymous requests get the public limit everywhere, even on staff paths", () => {
    expect(bodyLimit("/tools/ALG-000001", undefined)).toBe(BODY_LIMITS.public);
    expect(bodyLimit("/drafts/import", undefined)).toBe(BODY_LIMITS.public);
    expect(bodyLimit("/drafts/new", "lang=x")).toBe(BODY_LIMITS.public);
  });
  it("signed-in requests get the staff limit, and the import its own", () => {
    expect(bodyLimit("/drafts/new", "__session=x")).toBe(BODY_LIMITS.staff);
    expect(bodyLimit("/drafts/import", "__session=x")).toBe(BODY_LIMITS.import);
    expect(BODY_LIMITS.public).toBeLessThan(100 * 1024);
    expect(BODY_LIMITS.staff).toBeLessThanOrEqual(8 * 1024 * 1024);
  });
});

describe("body limits under the language prefixes", () => {
  it("the import page gets its limit at /zh/drafts/import and /en/drafts/import too", () => {
    for (const p of ["/zh/drafts/import", "/en/drafts/import", "/drafts/import/", "/en/drafts/import/", "/EN/Drafts/Import"]) {
      expect(bodyLimit(p, "__session=x"), p).toBe(BODY_LIMITS.import);
      expect(bodyLimit(p, undefined), p).toBe(BODY_LIMITS.public);
    }
  });
  it("other staff pages, prefixed or not, and look-alikes keep the staff limit", () => {
    for (const p of ["/en/drafts/new", "/zh/tools/ALG-000001/edit", "/en/drafts", "/english/drafts/import", "/en/drafts/import/x", "/de/drafts/import", "/en/en/drafts/import", "/", "//"]) {
      expect(bodyLimit(p, "__session=x"), p).toBe(BODY_LIMITS.staff);
    }
  });
});

describe("cross-site forms", () => {
  const same = { host: "register.example:3000" };
  it("refuses another origin, a null origin, an unreadable origin and Sec-Fetch-Site: cross-site", () => {
    expect(isCrossSiteRequest({ ...same, origin: "https://evil.example" })).toBe(true);
    expect(isCrossSiteRequest({ ...same, origin: "null" })).toBe(true);
    expect(isCrossSiteRequest({ ...same, origin: "::not a url" })).toBe(true);
    expect(isCrossSiteRequest({ ...same, fetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ origin: "http://register.example:3000" })).toBe(true);
  });
  it("accepts the same host, a proxy's forwarded host, and requests without Origin", () => {
    expect(isCrossSiteRequest({ ...same, origin: "http://register.example:3000" })).toBe(false);
    expect(isCrossSiteRequest({ host: "127.0.0.1:3001", forwardedHost: "register.example, proxy", origin: "https://register.example" })).toBe(false);
    expect(isCrossSiteRequest({ ...same })).toBe(false);
    expect(isCrossSiteRequest({ ...same, fetchSite: "same-origin" })).toBe(false);
  });
});

describe("security headers", () => {
  it("every answer is unframeable and not sniffed", () => {
    expect(STATIC_SECURITY_HEADERS["X-Content-Type-Options"]).toBe("nosniff");
    expect(STATIC_SECURITY_HEADERS["Content-Security-Policy"]).toContain("frame-ancestors 'none'");
    expect(STATIC_SECURITY_HEADERS["Referrer-Policy"]).toBeTruthy();
  });
  it("a document's policy lists the hash of each inline script and nothing else inline", () => {
    const a = "window.__remixContext = {};";
    const b = 'import("/build/entry.client.js");';
    const html = `<html><head><script>${a}</script></head><body><script type="module">${b}</script><script src="/build/x.js"></script><script>${a}</script></body></html>`;
    const hash = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;
    expect(inlineScriptHashes(html)).toEqual([hash(a), hash(b)]);
    const csp = documentCsp(html);
    expect(csp).toContain(`script-src 'self' ${hash(a)} ${hash(b)}`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
  });
});

describe("refusals", () => {
  it("speak the reader's language first and the other one too", () => {
    const zh = refusalPage("too_large", { acceptLanguage: "zh-CN" }, { limit: 64 * 1024 });
    expect(zh.status).toBe(413);
    expect(zh.html.indexOf("提交的数据过多")).toBeLessThan(zh.html.indexOf("Too much data sent"));
    expect(zh.html).toContain("64 KB");
    const en = refusalPage("cross_site", { acceptLanguage: "en-GB" });
    expect(en.status).toBe(403);
    expect(en.html.indexOf("Form refused")).toBeLessThan(en.html.indexOf("表单被拒绝"));
    expect(refusalPage("busy", {}).status).toBe(503);
  });
});

describe("public pages and their parameters", () => {
  const route = (id: string, parentId: string | undefined, path: string | undefined, handle?: unknown, index?: boolean): BuildRoute => ({ id, parentId, path, index, module: { handle } });
  const routes = Object.fromEntries(
    [
      route("root", undefined, ""),
      route("routes/_index", "root", undefined, PUBLIC_PAGE, true),
      route("routes/tools._index", "root", "tools", publicPage(["q", "kind", "page"], ["kind"]), true),
      route("routes/tools.$id", "root", "tools/:id", PUBLIC_PAGE),
      route("routes/tools.$id_.history", "root", "tools/:id/history", publicPage(["from", "to"])),
      route("routes/tools.data-elements[.]csv", "root", "tools/data-elements.csv"),
      route("routes/drafts.new", "root", "drafts/new"),
      route("routes/$", "root", "*"),
    ].map((r) => [r.id, r]),
  );
  const match = publicRouteMatcher(routes);
  it("matches as Remix does: static segments win over parameters", () => {
    expect(match("/")).toEqual({ names: [], repeatable: [] });
    expect(match("/tools")).toEqual({ names: ["q", "kind", "page"], repeatable: ["kind"] });
    expect(match("/tools/ALG-000001")).toEqual({ names: [], repeatable: [] });
    expect(match("/tools/ALG-000001/history")).toEqual({ names: ["from", "to"], repeatable: [] });
    expect(match("/tools/data-elements.csv")).toBeNull();
    expect(match("/drafts/new")).toBeNull();
    expect(match("/no/such/page")).toBeNull();
  });
  it("a page asked for with parameters it does not read has a canonical address", () => {
    expect(canonicalPageUrl("/tools?kind=app&x=1", ["q", "kind"])).toBe("/tools?kind=app");
    expect(canonicalPageUrl("/tools?x=" + Math.random(), ["q", "kind"])).toBe("/tools");
    expect(canonicalPageUrl("/tools?q=a&q=b", ["q"])).toBe("/tools?q=a");
    // A multi-value filter keeps each distinct value once; a single-value parameter its first.
    const tools = match("/tools")!;
    expect(canonicalPageUrl("/tools?kind=app&kind=code_system", tools)).toBeNull();
    expect(canonicalPageUrl("/tools?kind=app&kind=app&q=a&q=b&x=1", tools)).toBe("/tools?kind=app&q=a");
    expect(canonicalPageUrl("/tools?q=%E9%97%A8%E7%A3%81&kind=", ["q", "kind"])).toBeNull();
    expect(canonicalPageUrl("/tools", ["q"])).toBeNull();
    expect(canonicalPageUrl("/tools/ALG-000001?__proto__=1", [])).toBe("/tools/ALG-000001");
  });
});

describe("render queue", () => {
  it("runs at most `concurrency` at once, keeps at most `maxWaiting` waiting, refuses the rest", async () => {
    const q = new RenderQueue({ concurrency: 2, maxWaiting: 1 });
    const a = await q.enter();
    const b = await q.enter();
    expect(a && b).toBeTruthy();
    let cEntered = false;
    const c = q.enter().then((r) => ((cEntered = true), r));
    expect(await q.enter()).toBeNull();
    await Promise.resolve();
    expect(cEntered).toBe(false);
    a!();
    a!(); // a second release changes nothing
    const release = await c;
    expect(cEntered).toBe(true);
    expect(q.active).toBe(2);
    b!();
    release!();
    expect(q.active).toBe(0);
  });
});

describe("sending a rendered body", () => {
  /** A server whose every answer is sent by sendBody once `ready(res)` resolves; records how each send ended. */
  async function server(ready: (res: http.ServerResponse) => Promise<void>, body: () => ReadableStream<Uint8Array>) {
    const sends: Array<Promise<"settled">> = [];
    const srv = http.createServer(async (_req, res) => {
      await ready(res);
      sends.push(sendBody(body(), res).then(() => "settled" as const));
    });
    await new Promise<void>((r) => srv.listen(0, "127.0.0.1", () => r()));
    const port = (srv.address() as net.AddressInfo).port;
    return { port, sends, close: () => new Promise<void>((r) => (srv.closeAllConnections(), srv.close(() => r()))) };
  }
  const within = <T,>(p: Promise<T>, ms: number) => Promise.race([p, new Promise<"timed out">((r) => setTimeout(() => r("timed out"), ms))]);
  const text = (s: string) => new Response(s).body!;

  it("delivers the whole body", async () => {
    const s = await server(async () => {}, () => text("页面".repeat(5000)));
    const got = await fetch(`http://127.0.0.1:${s.port}/`).then((r) => r.text());
    expect(got).toBe("页面".repeat(5000));
    expect(await within(s.sends[0]!, 2000)).toBe("settled");
    await s.close();
  });

  it("settles, and cancels the body, when the client hung up before the body was sent", async () => {
    let cancelled = 0;
    const s = await server(
      // The render finishes only after the client has gone: the response's "close" has already fired.
      (res) => new Promise((r) => res.once("close", () => setTimeout(r, 20))),
      () => new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(1024)), cancel: () => void cancelled++ }),
    );
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const sock = net.connect(s.port, "127.0.0.1", () => {
          sock.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
          setTimeout(() => (sock.destroy(), resolve()), 10);
        });
      });
    }
    for (let i = 0; i < 50 && s.sends.length < 5; i++) await new Promise((r) => setTimeout(r, 20));
    expect(s.sends).toHaveLength(5);
    expect(await within(Promise.all(s.sends), 2000)).toEqual(Array(5).fill("settled"));
    expect(cancelled).toBe(5);
    await s.close();
  });

  it("settles when the client hangs up half-way through an endless body, and when the body fails", async () => {
    let fail = false;
    const s = await server(
      async () => {},
      () =>
        new ReadableStream({
          pull: (c) => (fail ? c.error(new Error("broken")) : c.enqueue(new Uint8Array(64 * 1024))),
        }),
    );
    await new Promise<void>((resolve) => {
      const sock = net.connect(s.port, "127.0.0.1", () => sock.write("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
      sock.once("data", () => (sock.destroy(), resolve()));
    });
    fail = true;
    const res = await fetch(`http://127.0.0.1:${s.port}/`).then((r) => r.text()).catch((e: Error) => e);
    expect(res).toBeInstanceOf(Error);
    expect(await within(Promise.all(s.sends), 2000)).toEqual(["settled", "settled"]);
    await s.close();
  });
});

describe("start-up", () => {
  it("TRUST_PROXY: numbers, keywords and addresses are accepted", () => {
    expect(trustProxySetting(undefined)).toBeUndefined();
    expect(trustProxySetting("")).toBeUndefined();
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting("loopback")).toBe("loopback");
    expect(trustProxySetting("loopback, 10.0.0.0/8")).toBe("loopback, 10.0.0.0/8");
  });
  it("TRUST_PROXY: true and garbage are refused with the accepted values named", () => {
    expect(() => trustProxySetting("true")).toThrow(/loopback/);
    expect(() => trustProxySetting("yes please")).toThrow(/TRUST_PROXY.*number of proxies/);
  });
  it("a worker that keeps dying is started again after a growing pause, capped", () => {
    expect(restartDelay(0)).toBe(0);
    expect(restartDelay(1)).toBe(0);
    expect(restartDelay(3)).toBeGreaterThan(restartDelay(2));
    expect(restartDelay(50)).toBe(30_000);
  });
});
