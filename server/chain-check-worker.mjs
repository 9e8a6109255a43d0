// The thread that runs the event log's full check for the server's chain watch
// (registry/log/full-check.server.ts). Plain JavaScript, like list-index-worker.mjs, so that the
// same file starts from the TypeScript sources and from the Remix build: it registers tsx, then
// loads the check from the sources.
import { register } from "tsx/esm/api";

register();
await import("../registry/log/full-check-worker.ts");
