// Limits of the production server that do not depend on the build: how many renders a worker
// runs at once, how a rendered body reaches the client without ever holding a render slot for
// good, how long a crashed worker waits before it is started again, and which TRUST_PROXY values
// are accepted.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import express from "express";

/**
 * A bounded queue of renders: at most `concurrency` run at once and `maxWaiting` wait; beyond
 * that `enter()` answers null at once, and the server answers 503 with Retry-After instead of
 * letting work pile up without end.
 */
export class RenderQueue {
  /** @param {{ concurrency: number, maxWaiting: number }} opts */
  constructor({ concurrency, maxWaiting }) {
    this.concurrency = Math.max(1, concurrency || 1);
    this.maxWaiting = Math.max(0, maxWaiting || 0);
    this.active = 0;
    /** @type {Array<() => void>} */
    this.waiting = [];
  }

  /** @returns {Promise<(() => void) | null>} a release function, or null when full */
  enter() {
    if (this.active < this.concurrency) {
      this.active++;
      return Promise.resolve(this.#release());
    }
    if (this.waiting.length >= this.maxWaiting) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.#release())));
  }

  #release() {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/**
 * Sends a Fetch response body (a web ReadableStream) to a Node response and settles once the
 * body is sent or the connection is gone, whichever comes first; it never rejects.
 *
 * The render slot is released when this settles, so it must settle in every case, including
 * the one that once wedged workers: the client hung up while the page was rendering, so the
 * response had already closed before the body was piped, its "close" event had fired and a
 * wait for it never ended. Four such hang-ups took every slot of a worker, and each later
 * render waited forever. pipeline() sees a response that is already closed at once, and an
 * unsent body is cancelled so its producer stops.
 * @param {ReadableStream<Uint8Array>} body
 * @param {import("node:http").ServerResponse} res
 * @returns {Promise<void>}
 */
export async function sendBody(body, res) {
  if (res.destroyed || res.closed) {
    await body.cancel().catch(() => {});
    return;
  }
  const source = Readable.fromWeb(body);
  try {
    await pipeline(source, res);
  } catch {
    // The client went away or the body failed half-way: nothing more can reach this client, and
    // pipeline() has destroyed both ends (the connection is closed rather than left truncated).
  }
}

/** Pause before starting a worker again after `quickDeaths` deaths in a row soon after start. */
export function restartDelay(quickDeaths) {
  if (quickDeaths <= 1) return 0;
  return Math.min(30_000, 250 * 2 ** (quickDeaths - 2));
}

/**
 * The Express "trust proxy" setting for a TRUST_PROXY value, or undefined when unset. Throws an
 * Error whose message names the accepted values for anything else, before any worker starts.
 */
export function trustProxySetting(value) {
  if (value === undefined || value.trim() === "" || value.trim() === "false") return undefined;
  const v = value.trim();
  const help =
    'TRUST_PROXY takes the number of proxies in front of the register (e.g. 1), "loopback", ' +
    '"linklocal", "uniquelocal", or the proxies\' addresses or subnets, comma-separated (e.g. ' +
    '"10.0.0.5" or "loopback, 10.0.0.0/8"). Leave it unset when clients connect directly.';
  if (v === "true")
    throw new Error(`TRUST_PROXY=true is refused: it would believe the X-Forwarded-For of any client, who could then pick the address that rate limits see. ${help}`);
  if (/^\d+$/.test(v)) return Number(v);
  try {
    // Express compiles the list when it is set, and throws on a value it cannot read.
    express().set("trust proxy", v);
  } catch (e) {
    throw new Error(`TRUST_PROXY=${JSON.stringify(v)} is not understood (${e.message}). ${help}`);
  }
  return v;
}
