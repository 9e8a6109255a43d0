import path from "node:path";
import { fileURLToPath } from "node:url";
// The file-system routes as Remix itself reads them (app/routes, flat routes convention).
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";

const ignoredRouteFiles = ["**/.*", "**/*.test.*"];
const appDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), "app");

/**
 * Route paths whose answer does not depend on the reader's language (the API, CSV and JSON data,
 * the schema, the language switch and logout). The same rule as isLanguageNeutral in registry/shared/urls.ts;
 * test/unit/urls.test.ts checks the two agree for every route of the build.
 */
const languageNeutral = (routePath) =>
  /^api\/./.test(routePath) || /\.(?:json|ndjson|csv)$/.test(routePath) || ["lang", "logout"].includes(routePath) || routePath.startsWith("tools-json/");

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles,
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  // Every page also lives under /zh and /en (shareable language addresses): a layout route per
  // language holds a copy of each route that is not language neutral, using the same module file
  // under its own id ("en/routes/tools.$id"). The unprefixed routes keep negotiating the language.
  routes: async (defineRoutes) => {
    const fileRoutes = flatRoutes(appDirectory, ignoredRouteFiles);
    const childrenOf = (parentId) => Object.values(fileRoutes).filter((r) => r.parentId === parentId);
    return defineRoutes((route) => {
      const copy = (lang, r, parentPath) => {
        const full = [parentPath, r.path].filter(Boolean).join("/");
        if (full && languageNeutral(full)) return;
        const options = { id: `${lang}/${r.id}`, index: r.index, caseSensitive: r.caseSensitive };
        const kids = childrenOf(r.id);
        if (kids.length) route(r.path, r.file, options, () => kids.forEach((k) => copy(lang, k, full)));
        else route(r.path, r.file, options);
      };
      for (const lang of ["zh", "en"]) {
        route(lang, "lang-layout.tsx", { id: `lang-${lang}`, caseSensitive: true }, () => childrenOf("root").forEach((r) => copy(lang, r, "")));
      }
    });
  },
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    // Off: the browser loads the whole route manifest once (one cached file) instead of each page
    // carrying part of it inline and every render matching its parent addresses again to build it
    // (docs/load-benchmark.md, "Cold renders"); client navigation then needs no /__manifest requests.
    v3_lazyRouteDiscovery: false,
    v3_singleFetch: true,
  },
};
