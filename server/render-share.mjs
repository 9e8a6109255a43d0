// Renders shared between the server's workers (issue 17: writes while the public reads).
//
// After a change every worker's page cache is empty, and without this each worker rendered every
// page asked of it again: the same list page twice on a two-worker machine, at 20-30 ms each. Now
// a worker that misses a public page, once it has a render slot free, asks the primary for the
// render of that page at that version (a claim). The first worker to ask renders it; the others
// wait for that render instead of doing their own, without holding a slot. Claiming only with a
// free slot spreads the renders after a change over the workers: a worker whose slots are busy
// leaves the pages it has no time for to a sibling that asks first. The rendered page is sent to every sibling through the primary, and each keeps it in
// its own page cache, so a page is rendered once per machine and version.
//
// A worker renders the page itself when the primary does not answer its claim within a second,
// when the render it waits for gives no page to share (an error, a page that may not be cached,
// a worker busy or gone), or after `waitMs` (longer than a render may take, RENDER_TIMEOUT_MS):
// sharing can only save renders, never hold a request forever.
//
// Messages go through node:cluster's IPC channel with "advanced" serialization (server.mjs), so a
// page's bytes travel as a buffer, not as JSON.

export const RENDER_CLAIM = "register:render-claim";
export const RENDER_CLAIM_ANSWER = "register:render-claim-answer";
export const RENDER_DONE = "register:render-done";

/**
 * The primary's book of renders in progress: which worker renders which page at which version, and
 * which workers wait for it. Entries end when their render ends, when their worker ends, or after
 * `maxAgeMs`; the book holds at most `maxEntries` (the oldest are dropped first: their waiters
 * stop waiting after their own timeout and render).
 */
export class RenderClaims {
  /** @param {{ maxEntries?: number, maxAgeMs?: number, now?: () => number }} [opts] */
  constructor({ maxEntries = 10_000, maxAgeMs = 30_000, now = () => Date.now() } = {}) {
    this.maxEntries = maxEntries;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
    /** @type {Map<string, { owner: number, waiters: Set<number>, since: number }>} in claim order */
    this.claims = new Map();
  }

  /** Worker `worker` asks to render `at`: true when it should render, false when it should wait. */
  claim(at, worker) {
    const t = this.now();
    const c = this.claims.get(at);
    if (c && t - c.since <= this.maxAgeMs) {
      if (c.owner === worker) return true;
      c.waiters.add(worker);
      return false;
    }
    if (c) this.claims.delete(at);
    for (const [k, old] of this.claims) {
      if (this.claims.size < this.maxEntries && t - old.since <= this.maxAgeMs) break;
      this.claims.delete(k);
    }
    this.claims.set(at, { owner: worker, waiters: new Set(), since: t });
    return true;
  }

  /** The render of `at` by `worker` ended: the workers that waited for it (none when it was not the owner). */
  done(at, worker) {
    const c = this.claims.get(at);
    if (!c || c.owner !== worker) return [];
    this.claims.delete(at);
    return [...c.waiters];
  }

  /** A worker ended: the renders it owned end, each with the workers that waited for it. */
  workerGone(worker) {
    /** @type {[string, number[]][]} */
    const ended = [];
    for (const [at, c] of this.claims) {
      c.waiters.delete(worker);
      if (c.owner !== worker) continue;
      this.claims.delete(at);
      ended.push([at, [...c.waiters]]);
    }
    return ended;
  }
}

/**
 * The primary's side: keeps the book and relays. `workers()` lists the live workers as
 * { id, send(message) }.
 * @param {{ workers: () => { id: number, send: (m: unknown) => void }[], claims?: RenderClaims }} opts
 */
export function renderShareRelay({ workers, claims = new RenderClaims() }) {
  const byId = (id) => workers().find((w) => w.id === id);
  return {
    claims,
    /** A message from worker `from`; true when it was one of these. */
    onMessage(from, message) {
      if (message?.type === RENDER_CLAIM) {
        from.send({ type: RENDER_CLAIM_ANSWER, id: message.id, render: claims.claim(message.at, from.id) });
        return true;
      }
      if (message?.type !== RENDER_DONE) return false;
      const waiters = claims.done(message.at, from.id);
      // A page goes to every sibling (each keeps it); "no page" only to those who waited.
      if (message.page) for (const w of workers()) w.id !== from.id && w.send(message);
      else for (const id of waiters) byId(id)?.send(message);
      return true;
    },
    /** Worker `id` ended: whoever waited for its renders renders on its own. */
    onExit(id) {
      for (const [at, waiters] of claims.workerGone(id)) for (const w of waiters) byId(w)?.send({ type: RENDER_DONE, at, page: null });
    },
  };
}

/**
 * A worker's side. `send` sends a message to the primary; `receive` is called with each page a
 * sibling rendered (to keep it in this worker's cache) and returns what the requests waiting for
 * it are answered with (the cache's page object). `claim(at)` says whether this worker renders
 * the page or waits for a sibling's render of it.
 */
export class RenderShare {
  /**
   * @param {{ send: (m: unknown) => void, receive?: (page: SharedPage) => unknown, answerMs?: number, waitMs?: number }} opts
   */
  constructor({ send, receive = (page) => page, answerMs = 1000, waitMs = 15_000 }) {
    this.send = send;
    this.receive = receive;
    this.answerMs = answerMs;
    this.waitMs = waitMs;
    this.nextId = 0;
    /** @type {Map<number, (render: boolean) => void>} */
    this.answers = new Map();
    /** @type {Map<string, ((page: unknown) => void)[]>} */
    this.waiting = new Map();
    this.stats = { claims: 0, waited: 0, received: 0, timeouts: 0 };
  }

  /**
   * Asks to render `at`. Answers { render: true } (this worker renders it), or { render: false,
   * page } where `page` settles with what `receive` made of the sibling's page, or null (render
   * after all). The wait is registered as the answer arrives, so a page sent right behind the
   * answer is not missed.
   * @returns {Promise<{ render: true } | { render: false, page: Promise<unknown> }>}
   */
  claim(at) {
    this.stats.claims++;
    const id = ++this.nextId;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.answers.delete(id);
        this.stats.timeouts++;
        resolve({ render: true });
      }, this.answerMs);
      this.answers.set(id, (render) => {
        clearTimeout(timer);
        this.answers.delete(id);
        resolve(render ? { render: true } : { render: false, page: this.#waitFor(at) });
      });
      try {
        this.send({ type: RENDER_CLAIM, id, at });
      } catch {
        this.answers.get(id)?.(true);
      }
    });
  }

  /** The page of a sibling's render of `at`, or null after waitMs. */
  #waitFor(at) {
    this.stats.waited++;
    return new Promise((resolve) => {
      const list = this.waiting.get(at) ?? [];
      const timer = setTimeout(() => {
        const rest = (this.waiting.get(at) ?? []).filter((f) => f !== done);
        rest.length ? this.waiting.set(at, rest) : this.waiting.delete(at);
        this.stats.timeouts++;
        resolve(null);
      }, this.waitMs);
      const done = (page) => {
        clearTimeout(timer);
        resolve(page);
      };
      list.push(done);
      this.waiting.set(at, list);
    });
  }

  /** The render of `at` ended, with the page to share or null. */
  finished(at, page) {
    try {
      this.send({ type: RENDER_DONE, at, page });
    } catch {
      // The primary is gone: this worker ends soon (server.mjs); nobody waits on it.
    }
  }

  /** A message from the primary; true when it was one of these. */
  onMessage(message) {
    if (message?.type === RENDER_CLAIM_ANSWER) {
      this.answers.get(message.id)?.(message.render === true);
      return true;
    }
    if (message?.type !== RENDER_DONE) return false;
    let kept = null;
    if (message.page) {
      const body = message.page.body;
      this.stats.received++;
      kept = this.receive({ ...message.page, body: Buffer.from(body.buffer, body.byteOffset, body.byteLength) }) ?? null;
    }
    const waiters = this.waiting.get(message.at);
    this.waiting.delete(message.at);
    for (const w of waiters ?? []) w(kept);
    return true;
  }
}

/** What is sent of a rendered page (a CachedPage of server/page-cache.mjs) at a version and key. */
export function sharedPage(version, key, page) {
  return { version, key, status: page.status, headers: page.headers, body: page.body, vary: page.vary, etag: page.etag, deps: page.deps ?? null };
}

/**
 * @typedef {{ version: string, key: string, status: number, headers: Record<string, string>, body: Buffer, vary: string | undefined, etag: string, deps: object | null }} SharedPage
 */
