import { defineConfig } from "vitest/config";
import path from "node:path";

const alias = { "~": path.resolve(import.meta.dirname, "app") };

export default defineConfig({
  resolve: { alias },
  test: {
    // Generous limits for a loaded machine (CI shares its cores): a test that hangs still fails,
    // and no test asserts on time (speed is shown by the scripts in test/bench/).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["test/unit/**/*.test.ts"], setupFiles: ["test/helpers/no-console-error.ts"] },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          globalSetup: ["test/helpers/global-db.ts"],
          setupFiles: ["test/helpers/no-console-error.ts"],
        },
      },
    ],
  },
});
