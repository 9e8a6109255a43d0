// The benchmark generator's thread (generate.ts): plain JavaScript, so that it starts whichever
// way the generator was started (tsx, vitest); it registers tsx, then loads the TypeScript.
import { register } from "tsx/esm/api";

register();
await import("./generate-worker.ts");
