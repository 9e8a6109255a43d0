// A cache hit's head joined once (server/whole-head.mjs) must put on the wire exactly what
// node:http's writeHead puts there: the same bytes for kept-alive and pipelined requests, and
// writeHead itself wherever the outcome differs (HTTP/1.0, a client that closes, HEAD, a cap on
// requests per connection). Each exchange is made twice on a real node:http server, with joined
// heads on and off, and compared byte for byte (the Date value aside); the counters show which
// path answered, so a comparison of writeHead with itself cannot pass for one.
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CachedPage, sendCachedPage } from "../../server/page-cache.mjs";
import { joinHead, useJoinedHeads, wholeHeadStats } from "../../server/whole-head.mjs";

const csp = `default-src 'self'; script-src 'self' ${Array.from({ length: 5 }, (_, i) => `'sha256-${"A".repeat(42)}${i}='`).join(" ")}; object-src 'none'`;
const page = new CachedPage(
  200,
  { "cache-control": "public, max-age=0, s-maxage=5", "content-security-policy": csp, "content-type": "text/html; charset=utf-8", "x-frame-options": "DENY" },
  Buffer.from(`<!DOCTYPE html><html lang="zh-CN"><title>公共算法登记册</title>${"<p>健康码 health code</p>".repeat(200)}</html>`),
  "Accept-Encoding, Accept-Language, Cookie",
);

let server: http.Server;
let port: number;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/preset") res.setHeader("X-Extra", "1");
    if (req.url === "/reason") res.statusMessage = "Fine";
    if (req.url === "/no-connection") res.removeHeader("Connection");
    if (req.url === "/wrapped") {
      // As on-headers style middleware does: a header added when the head is written.
      const writeHead = res.writeHead;
      res.writeHead = function (this: http.ServerResponse, ...args: Parameters<typeof writeHead>) {
        this.setHeader("X-Wrapped", "1");
        return writeHead.apply(this, args);
      } as typeof writeHead;
    }
    // A first answer that comes late, so the next pipelined one waits in node:http's queue.
    if (req.url === "/slow") setTimeout(() => sendCachedPage(req, res, page), 50);
    else sendCachedPage(req, res, page);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  useJoinedHeads(false);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** Length of the first whole response in `buf` (a HEAD or 304 answer has no body), or -1. */
function responseLength(buf: Buffer, method: string): number {
  const end = buf.indexOf("\r\n\r\n");
  if (end < 0) return -1;
  const head = buf.subarray(0, end).toString("latin1");
  const status = Number(head.slice(9, 12));
  const length = /\r\ncontent-length: (\d+)/i.exec(head);
  const body = method === "HEAD" || status === 304 ? 0 : Number(length?.[1] ?? 0);
  return buf.length >= end + 4 + body ? end + 4 + body : -1;
}

/**
 * Sends `raw` on one connection and reads until one response per method has come, and then
 * whether the server closed the connection (waiting 150 ms for that).
 */
function exchange(raw: string, methods: string[], to = port): Promise<{ bytes: Buffer; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(to, "127.0.0.1");
    let buf = Buffer.alloc(0);
    let whole = 0;
    let closed = false;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve({ bytes: buf, closed });
    };
    const timer = setTimeout(() => (settled ? undefined : reject(new Error(`no whole answer: ${buf.toString("latin1").slice(0, 200)}`))), 5000);
    const check = () => {
      let at = 0;
      whole = 0;
      for (const m of methods) {
        const n = responseLength(buf.subarray(at), m);
        if (n < 0) break;
        at += n;
        whole++;
      }
      if (whole === methods.length) {
        clearTimeout(timer);
        setTimeout(finish, 150);
      }
    };
    socket.on("data", (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      check();
    });
    socket.on("close", () => {
      closed = true;
      if (whole === methods.length) finish();
    });
    socket.on("error", reject);
    socket.write(raw);
  });
}

const withoutDate = (b: Buffer) => b.toString("latin1").replace(/\r\nDate: [^\r]+/g, "\r\nDate: -");

/** The exchange with joined heads and with writeHead, and how many answers each path gave. */
async function both(raw: string, methods: string[]) {
  useJoinedHeads(true);
  const before = { ...wholeHeadStats };
  const joined = await exchange(raw, methods);
  const counts = { joined: wholeHeadStats.joined - before.joined, fallback: wholeHeadStats.fallback - before.fallback };
  useJoinedHeads(false);
  const plain = await exchange(raw, methods);
  return { joined, plain, counts };
}

const get = (extra = "", method = "GET", version = "1.1") => `${method} /tools/ALG-000001 HTTP/${version}\r\nHost: localhost\r\n${extra}\r\n`;

describe("a cache hit's joined head", () => {
  it("puts writeHead's bytes on the wire for pipelined kept-alive requests, and keeps the connection open", async () => {
    const { joined, plain, counts } = await both(get() + get("Accept-Encoding: gzip, br\r\n") + get(), ["GET", "GET", "GET"]);
    expect(counts).toEqual({ joined: 3, fallback: 0 });
    expect(withoutDate(joined.bytes)).toBe(withoutDate(plain.bytes));
    expect(joined.closed).toBe(false);
    const text = joined.bytes.toString("latin1");
    expect(text.match(/HTTP\/1\.1 200 OK\r\n/g)).toHaveLength(3);
    expect(text).toContain("Content-Encoding: gzip\r\n");
    expect(text).toContain("\r\nConnection: keep-alive\r\nKeep-Alive: timeout=65\r\n\r\n");
    // The Date is today's, as writeHead's is.
    const date = Date.parse(/\r\nDate: ([^\r]+)/.exec(text)![1]!);
    expect(Math.abs(date - Date.now())).toBeLessThan(5000);
  });

  it("keeps pipelined answers in order when the first comes late", async () => {
    const slow = get().replace("/tools/ALG-000001", "/slow");
    const { joined, plain, counts } = await both(slow + get() + get(), ["GET", "GET", "GET"]);
    expect(counts).toEqual({ joined: 3, fallback: 0 });
    expect(withoutDate(joined.bytes)).toBe(withoutDate(plain.bytes));
  });

  it("takes each response's keep-alive settings from its own server, even within one second", async () => {
    const other = http.createServer((req, res) => sendCachedPage(req, res, page));
    other.keepAliveTimeout = 0;
    other.maxRequestsPerSocket = 1;
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    useJoinedHeads(true);
    try {
      server.keepAliveTimeout = 5000;
      expect((await exchange(get(), ["GET"])).bytes.toString("latin1")).toContain("Keep-Alive: timeout=5\r\n");
      server.keepAliveTimeout = 9000;
      expect((await exchange(get(), ["GET"])).bytes.toString("latin1")).toContain("Keep-Alive: timeout=9\r\n");
      // The other server takes one request per connection and says so, as writeHead does.
      const closing = await exchange(get(), ["GET"], (other.address() as AddressInfo).port);
      expect(closing.bytes.toString("latin1")).toContain("\r\nConnection: close\r\n");
      expect(closing.bytes.toString("latin1")).not.toContain("Keep-Alive:");
    } finally {
      server.keepAliveTimeout = 65_000;
      useJoinedHeads(false);
      other.closeAllConnections();
      await new Promise((resolve) => other.close(resolve));
    }
  });

  it("leaves the head to writeHead for HTTP/1.0, a client that closes, HEAD and a conditional request", async () => {
    for (const [raw, methods, closes] of [
      [get("", "GET", "1.0"), ["GET"], true],
      [get("Connection: keep-alive\r\n", "GET", "1.0"), ["GET"], false],
      [get("Connection: close\r\n"), ["GET"], true],
      [get("", "HEAD"), ["HEAD"], false],
      [get(`If-None-Match: ${page.etag}\r\n`), ["GET"], false],
      [get("Expect: 100-continue\r\n"), ["GET"], false],
    ] as const) {
      const { joined, plain, counts } = await both(raw, [...methods]);
      expect(counts.joined, raw).toBe(0);
      expect(withoutDate(joined.bytes), raw).toBe(withoutDate(plain.bytes));
      expect(joined.closed, raw).toBe(closes);
    }
  });

  it("leaves it to writeHead when the server caps requests per connection or keeps no connection alive, and when headers were set before", async () => {
    server.maxRequestsPerSocket = 2;
    try {
      const { joined, plain, counts } = await both(get() + get(), ["GET", "GET"]);
      expect(counts.joined).toBe(0);
      expect(withoutDate(joined.bytes)).toBe(withoutDate(plain.bytes));
    } finally {
      server.maxRequestsPerSocket = 0;
    }
    server.keepAliveTimeout = 0;
    try {
      const { joined, plain, counts } = await both(get(), ["GET"]);
      // Joined, and like writeHead without a Keep-Alive line.
      expect(counts.joined).toBe(1);
      expect(withoutDate(joined.bytes)).toBe(withoutDate(plain.bytes));
      expect(joined.bytes.toString("latin1")).not.toContain("Keep-Alive:");
    } finally {
      server.keepAliveTimeout = 65_000;
    }
    for (const [at, shows] of <const>[
      ["/preset", "X-Extra: 1\r\n"],
      ["/reason", "HTTP/1.1 200 Fine\r\n"],
      ["/wrapped", "X-Wrapped: 1\r\n"],
    ]) {
      const r = await both(get().replace("/tools/ALG-000001", at), ["GET"]);
      expect(r.counts.joined, at).toBe(0);
      expect(r.joined.bytes.toString("latin1"), at).toContain(shows);
    }
    const removed = await both(get().replace("/tools/ALG-000001", "/no-connection"), ["GET"]);
    expect(removed.counts.joined).toBe(0);
    expect(withoutDate(removed.joined.bytes)).toBe(withoutDate(removed.plain.bytes));
    expect(removed.joined.bytes.toString("latin1")).not.toContain("Connection:");
  });

  it("joins only heads whose every line writeHead would write as given", () => {
    expect(joinHead(200, ["Content-Type", "text/html", "Content-Length", "5"])).toBe("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\n");
    for (const name of ["Connection", "Keep-Alive", "Date", "Transfer-Encoding", "Trailer", "Expect"])
      expect(joinHead(200, [name, "x", "Content-Length", "5"]), name).toBeNull();
    // No length, a length not last, a status without a body.
    expect(joinHead(200, ["Content-Type", "text/html"])).toBeNull();
    expect(joinHead(200, ["Content-Length", "5", "Content-Type", "text/html"])).toBeNull();
    expect(joinHead(304, ["Content-Length", "5"])).toBeNull();
    // A value that would split the head is refused as writeHead refuses it.
    expect(() => joinHead(200, ["X-A", "a\r\nSet-Cookie: b", "Content-Length", "5"])).toThrow();
    expect(() => joinHead(200, ["Bad Name", "a", "Content-Length", "5"])).toThrow();
  });

  it("leaves a page with a header node:http reacts to, or a value it refuses, to writeHead, which still refuses it", () => {
    expect(new CachedPage(200, { date: "x", "content-type": "text/html" }, Buffer.from("a")).plainText).toBeNull();
    const bad = new CachedPage(200, { "x-a": "a\r\nb" }, Buffer.from("a"));
    expect(bad.plainText).toBeNull();
    useJoinedHeads(true);
    try {
      const req = new http.IncomingMessage(new net.Socket());
      req.method = "GET";
      const res = new http.ServerResponse(req);
      expect(() => sendCachedPage(req, res, bad)).toThrow(/Invalid character/);
    } finally {
      useJoinedHeads(false);
    }
  });
});
