// Limits of the production server that do not depend on the build: how many renders a worker
// runs at once, how long a crashed worker waits before it is started again, and which
// TRUST_PROXY values are accepted.
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
