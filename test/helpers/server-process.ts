// The production server (server.mjs) as a child process on its own migrated and seeded database,
// for end-to-end tests that need real HTTP: start it, talk to it on fresh connections, stop it.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { test } from "@playwright/test";
import { ROOT } from "./paths";
import { SEED_SCRIPT } from "./seed";

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A fresh temporary directory with a migrated database holding the embedded dataset. */
export function seededDatabase(prefix: string): { dir: string; file: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const file = path.join(dir, "register.sqlite");
  const env = { ...process.env, DATABASE_PATH: file };
  const tsx = path.join(ROOT, "node_modules/tsx/dist/cli.mjs");
  execFileSync(process.execPath, [tsx, "scripts/migrate.server.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(process.execPath, [tsx, SEED_SCRIPT], { cwd: ROOT, env, stdio: "pipe" });
  return { dir, file };
}

export type ServerProcess = { child: ChildProcess; port: number; stderr: () => string; stop: () => Promise<void> };

/** Starts server.mjs and waits until it answers (or ends). */
export async function startServer(opts: { port: number; databasePath: string; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["server.mjs"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: opts.databasePath, PORT: String(opts.port), HOST: "127.0.0.1", ...opts.env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "";
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
  for (let i = 0; i < 300 && child.exitCode === null; i++) {
    try {
      if ((await request(opts.port, "/standard/v1.schema.json")).status === 200) break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return { child, port: opts.port, stderr: () => err, stop };
}

/** One request on a new connection, so successive requests reach every worker (round robin). */
export function request(
  port: number,
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean; binary?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { "Accept-Language": "zh-CN", ...opts.headers };
    if (opts.body !== undefined && !opts.chunked) headers["Content-Length"] = String(Buffer.byteLength(opts.body));
    const req = http.request({ host: "127.0.0.1", port, path: url, method: opts.method ?? "GET", agent: false, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      // binary: the body as latin1, one character per byte, so bad bytes are not hidden by decoding.
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString(opts.binary ? "latin1" : "utf8") }));
      res.on("error", reject);
    });
    // A server that refuses a body closes the connection while it is still being sent.
    req.on("error", (e: NodeJS.ErrnoException) => (e.code === "EPIPE" || e.code === "ECONNRESET" ? undefined : reject(e)));
    if (opts.body !== undefined) {
      if (opts.chunked) {
        const body = Buffer.from(opts.body);
        for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      } else req.write(opts.body);
    }
    req.end();
  });
}

/**
 * For a spec file: a seeded database and server.mjs on `port`, started before its tests and
 * stopped (and the database removed) after them. Read the server and its database through the
 * returned getters, which are valid inside tests.
 */
export function serverForSpec(prefix: string, port: number, env: Record<string, string> = {}): { server: () => ServerProcess; databasePath: () => string } {
  let server: ServerProcess | undefined;
  let db: { dir: string; file: string } | undefined;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    db = seededDatabase(prefix);
    server = await startServer({ port, databasePath: db.file, env });
  });
  test.afterAll(async () => {
    await server?.stop();
    if (db) fs.rmSync(db.dir, { recursive: true, force: true });
  });
  return { server: () => server!, databasePath: () => db!.file };
}
