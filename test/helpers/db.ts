// Each test gets its own copy of a freshly migrated database and the process-wide client is
// pointed at it, so loaders and registry functions run against real SQLite.
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterEach, beforeEach } from "vitest";
import { openDatabase, setDb, type Db } from "../../db/client.server";
import { BASE_DB, EMPTY_DB, TMP } from "./paths";

export function freshDb(kind: "seeded" | "empty" = "seeded"): { db: Db; file: string; close: () => void } {
  const file = path.join(TMP, `${randomUUID()}.sqlite`);
  const base = kind === "seeded" ? BASE_DB : EMPTY_DB;
  fs.copyFileSync(base, file);
  // The chain's checkpoint beside the database (registry/log/anchor.server.ts) goes with it.
  if (fs.existsSync(`${base}.chain-head`)) fs.copyFileSync(`${base}.chain-head`, `${file}.chain-head`);
  const db = openDatabase(file);
  return {
    db,
    file,
    close: () => {
      db.$client.close();
      for (const suffix of ["", "-wal", "-shm", ".chain-head", ".chain-check"]) fs.rmSync(file + suffix, { force: true });
    },
  };
}

/** Use a fresh database for every test in the calling file; returns a getter for it. */
export function useFreshDb(kind: "seeded" | "empty" = "seeded"): () => Db {
  let current: ReturnType<typeof freshDb> | undefined;
  beforeEach(() => {
    current = freshDb(kind);
    setDb(current.db);
  });
  afterEach(() => {
    setDb(undefined);
    current?.close();
    current = undefined;
  });
  return () => current!.db;
}
