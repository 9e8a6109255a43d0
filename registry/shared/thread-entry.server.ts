// Where a worker thread's entry file (server/<name>, plain JavaScript that registers tsx and loads
// the TypeScript sources) is, from the registry's sources (tsx, vitest) or from the Remix build
// (build/index.js bundles the registry, one level below the project): see
// server/list-index-worker.mjs and server/chain-check-worker.mjs.
import fs from "node:fs";

export function threadEntry(name: string): URL {
  const fromSources = new URL(`../../server/${name}`, import.meta.url);
  return import.meta.url.endsWith(".ts") && fs.existsSync(fromSources) ? fromSources : new URL(`../server/${name}`, import.meta.url);
}
