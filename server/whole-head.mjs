// A cached page's response head, checked and joined once instead of on every response.
//
// node:http's writeHead checks every header name and value with regular expressions and joins
// the head anew for each response. For the record page's ten headers (a 700-character
// Content-Security-Policy among them) that was about a sixth of a cache hit's CPU time on this
// machine kind (docs/load-benchmark.md, "The head of a cache hit"). A cached page's head is the
// same for every response: here it is checked (with node:http's own validateHeaderName and
// validateHeaderValue) and joined when the page is stored, and each response adds only the lines
// node:http would add after it: Date (made once a second), Connection and Keep-Alive.
//
// The joined head is handed to the ServerResponse where writeHead leaves its own (`_header`), so
// node:http still does everything after the head: the body, keep-alive, pipelined requests, the
// finish. That slot is not public API, so this is used only where writeHead's outcome is fully
// known, and node:http's writeHead is used for everything else:
//   - an HTTP/1.1 GET whose connection stays open (the client did not ask to close, the server
//     sets no cap on requests per connection, no Expect: 100-continue);
//   - a response nothing has been written to or set on (no header, no status message, no
//     Connection header removed), with the Date header on and node:http's own writeHead (not a
//     wrapper that adds headers);
//   - a head with none of the headers node:http reacts to (Connection, Keep-Alive, Date,
//     Transfer-Encoding, Trailer, Expect) and a status with a body;
//   - a ServerResponse that has the slot as node:http 20 (the version checked) has it (`_header`
//     null, not sent).
// test/integration/whole-head.test.ts compares the bytes on the wire with writeHead's, for kept-alive,
// pipelined, HTTP/1.0, closing and HEAD requests, so a node:http that changed how it uses the
// slot fails there.
import http from "node:http";

const writeHead = http.ServerResponse.prototype.writeHead;

/** Header names node:http's writeHead reacts to (its matchHeader): such a head is left to it. */
const REACTS_TO = new Set(["connection", "keep-alive", "date", "transfer-encoding", "trailer", "expect", "content-length"]);

/**
 * The status line and header lines of a response (without Date, Connection and Keep-Alive, and
 * without the blank line), or null where node:http must write the head itself.
 * @param {number} status
 * @param {string[]} head flat [name, value, ...] as writeHead takes it, Content-Length last
 */
export function joinHead(status, head) {
  if (status < 200 || status === 204 || status === 304 || status > 599 || head.length % 2 !== 0) return null;
  let text = `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? "unknown"}\r\n`;
  let length = false;
  for (let i = 0; i < head.length; i += 2) {
    const name = head[i];
    const value = head[i + 1];
    if (typeof name !== "string" || typeof value !== "string") return null;
    // Throws on a name or value writeHead would refuse (a line break in a value, say).
    http.validateHeaderName(name);
    http.validateHeaderValue(name, value);
    const lower = name.toLowerCase();
    if (lower === "content-length") {
      if (length || i !== head.length - 2 || !/^\d+$/.test(value)) return null;
      length = true;
    } else if (REACTS_TO.has(lower)) return null;
    text += `${name}: ${value}\r\n`;
  }
  return length ? text : null;
}

/** How many responses went out with a joined head, and how many fell back to writeHead (for tests). */
export const wholeHeadStats = { joined: 0, fallback: 0 };

let on = false;
let second = -1;
let date = "";
/** This second's tails, by keep-alive timeout (node:http copies its server's onto each response). */
const tails = new Map();

/** Turns joined heads on or off for every server of the process (server.mjs; tests). */
export function useJoinedHeads(enabled) {
  on = enabled;
}

/**
 * Date, Connection and Keep-Alive as writeHead adds them, and the blank line: the Date made once
 * a second, the rest from the keep-alive timeout node:http gave this response.
 */
function tailOfHead(keepAliveTimeout) {
  const now = Date.now();
  const s = Math.floor(now / 1000);
  if (s !== second) {
    second = s;
    date = `Date: ${new Date(now).toUTCString()}\r\nConnection: keep-alive\r\n`;
    tails.clear();
  }
  let tail = tails.get(keepAliveTimeout);
  if (tail === undefined) {
    tail = `${date}${keepAliveTimeout ? `Keep-Alive: timeout=${Math.floor(keepAliveTimeout / 1000)}\r\n` : ""}\r\n`;
    if (tails.size > 8) tails.clear();
    tails.set(keepAliveTimeout, tail);
  }
  return tail;
}

/**
 * Sends `body` with the joined head `text` (joinHead) when writeHead's outcome is known, else
 * with writeHead(status, head). Either way the response is ended.
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {string | null} text joinHead(status, head)
 * @param {string[]} head
 * @param {Buffer} body
 */
export function sendWhole(req, res, status, text, head, body) {
  if (
    text !== null &&
    on &&
    req.method === "GET" &&
    req.httpVersionMajor === 1 &&
    req.httpVersionMinor === 1 &&
    res.shouldKeepAlive === true &&
    res.sendDate === true &&
    res._expect_continue !== true &&
    // The server's settings, as node:http copies them onto each response.
    typeof res._keepAliveTimeout === "number" &&
    !res._maxRequestsPerSocket &&
    res._header === null &&
    res._headerSent === false &&
    !res.headersSent &&
    res._removedConnection !== true &&
    !res.statusMessage &&
    res.writeHead === writeHead &&
    // Headers set on the response before (the security headers of a request that went through
    // Express and then waited for a render) would be lost.
    res.getHeaderNames().length === 0
  ) {
    wholeHeadStats.joined++;
    res.statusCode = status;
    res.statusMessage = http.STATUS_CODES[status] ?? "unknown";
    res._contentLength = body.length;
    res._header = text + tailOfHead(res._keepAliveTimeout);
    res._headerSent = false;
    res.end(body);
    return;
  }
  wholeHeadStats.fallback++;
  res.writeHead(status, head);
  res.end(req.method === "HEAD" ? undefined : body);
}
