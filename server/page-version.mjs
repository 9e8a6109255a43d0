// The page cache's version as each worker holds it, so a cache hit reads nothing from the
// database. The version itself (registry/shared/page-version.server.ts) is the page_version
// counter, bumped by triggers on every public change from any connection or process, plus the
// register's day. A worker keeps the last value it read and reads it again:
//
//   - when more than `maxAgeMs` (5 ms) passed since the last read, on the next request: so a
//     change made by another process (the import CLI, a second app server on the same database,
//     a sibling whose message is late) and the day rollover show within 5 ms of the next
//     request; the read costs 5-11 µs at most 200 times a second per worker;
//   - at once after every request the worker rendered (any method: an action or even a loader
//     that wrote, server.mjs), before the answer is sent, so the writing worker's very next
//     request sees its own change; when the value moved, the worker tells its siblings
//     (cluster messages, relayed by the primary), which mark theirs stale and read it on their
//     next request.
//
// A read that fails (say, a database not migrated yet) is not remembered: each request tries
// again and the caller treats the failure as "no cache".

export const PAGE_VERSION_MESSAGE = "register:page-version-changed";

export class PageVersionClock {
  /**
   * @param {{ read: () => string, maxAgeMs?: number, now?: () => number }} opts
   *   read: the version from the database (throws when there is none to trust);
   *   now: a monotonic clock in milliseconds (performance.now by default).
   */
  constructor({ read, maxAgeMs = 5, now = () => performance.now() }) {
    this.read = read;
    this.maxAgeMs = maxAgeMs;
    this.now = now;
    /** @type {string | null} */
    this.value = null;
    this.readAt = -Infinity;
    this.stats = { reads: 0 };
  }

  /** The version, read again only when the last read is more than maxAgeMs old (or stale). */
  current() {
    const t = this.now();
    if (t - this.readAt <= this.maxAgeMs && this.value !== null) return this.value;
    return this.#readAt(t);
  }

  /** The next current() reads the database (a sibling wrote). */
  stale() {
    this.readAt = -Infinity;
  }

  /**
   * Reads the version now (after this worker may have written): whether it differs from the one
   * held before. A failed read marks the value stale and answers false.
   */
  refresh() {
    const before = this.value;
    try {
      return this.#readAt(this.now()) !== before;
    } catch {
      this.stale();
      return false;
    }
  }

  #readAt(t) {
    this.readAt = -Infinity;
    const value = this.read();
    this.stats.reads++;
    this.value = value;
    this.readAt = t;
    return value;
  }
}
