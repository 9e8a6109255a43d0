// What a server worker renders before it listens (server.mjs), so that its first renders run in
// optimized code. V8 compiles a function fully only after it has run a while: a worker that had
// rendered each list page once counted a list's facets in 11-67 ms at 100,000 records, where the
// same count takes 3-7 ms once compiled, and a worker's first list page took 208-331 ms against
// 47-110 ms after this warm-up (docs/load-benchmark.md, "Warm-up renders before a worker
// listens"). The addresses are public pages of every register (the facet values are the
// standard's own), in both languages: the home page, the list unfiltered, filtered, sorted and
// paged. They are rendered, not cached, and their loaders write nothing.
import { localized, paths } from "../../registry/shared/urls";

const LIST_QUERIES: Record<string, string>[] = [
  {},
  { kind: "app" },
  { status: "in_use", sort: "updated" },
  { category: "health", page: "2" },
  { sort: "sunset" },
  { jurisdiction: "city", review: "unreviewed" },
  { kind: "code_system", sunset: "no_sunset" },
];

/** The addresses to render, in order; each round renders them all once. */
export const WARM_UP_ADDRESSES: readonly string[] = (["zh", "en"] as const).flatMap((lang) => [
  localized(paths.home(), lang),
  ...LIST_QUERIES.map((q) => localized(paths.tools(q), lang)),
]);

/** At most this many renders, and no more started after this many milliseconds. */
export const WARM_UP_LIMITS = { renders: 48, ms: 3000 } as const;
