// The thread that rebuilds a server worker's list index in the background
// (registry/records/list-index.server.ts). Plain JavaScript, so that the same file starts from
// the TypeScript sources (tsx, vitest) and from the Remix build (build/index.js bundles the
// registry, not this thread): it registers tsx, then loads the build code from the sources.
import { register } from "tsx/esm/api";

register();
await import("../registry/records/list-index-worker.ts");
