// Entry point of an export worker thread: makes TypeScript importable in this thread (tsx), then
// runs scripts/mirror/worker.ts.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
