// The production server: Express around the Remix build. It exists (instead of remix-serve) so
// loaders and actions learn the client's address, which login rate limiting needs, and so
// "behind HTTPS" is decided in one place.
//
//   PORT         port to listen on (default 3000)
//   HOST         address to bind (default all)
//   TRUST_PROXY  set when a reverse proxy terminates TLS: "loopback", a number of hops or a
//                list of addresses (see Express "trust proxy"). Then X-Forwarded-For gives the
//                client address and X-Forwarded-Proto=https makes session cookies Secure.
import path from "node:path";
import { fileURLToPath } from "node:url";
import express from "express";
import compression from "compression";
import { createRequestHandler } from "@remix-run/express";

const here = path.dirname(fileURLToPath(import.meta.url));
const build = await import(path.join(here, "build/index.js"));

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) {
  const v = process.env.TRUST_PROXY;
  app.set("trust proxy", /^\d+$/.test(v) ? Number(v) : v);
}
app.use(compression());
// Fingerprinted assets can be cached for a year; everything else in public/ for an hour.
app.use("/build", express.static(path.join(here, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(here, "public"), { maxAge: "1h" }));

// /tools/<id>.json is served by the route tools-json.$id: a Remix route segment cannot mix a
// parameter with ".json".
app.get(/^\/tools\/([A-Za-z0-9-]{1,40})\.json$/, (req, _res, next) => {
  const q = req.url.indexOf("?");
  // The Remix adapter reads originalUrl.
  req.url = req.originalUrl = `/tools-json/${req.params[0]}${q >= 0 ? req.url.slice(q) : ""}`;
  next();
});

app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ clientAddress: req.ip ?? "unknown", secure: req.secure }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, process.env.HOST, () => {
  console.log(`Public Algorithm Register on http://localhost:${port} (${process.env.NODE_ENV ?? "development"})`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
