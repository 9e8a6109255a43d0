// Reading the project's own source tree, for the tests that keep its layout (db-direction, layout).
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every JavaScript or TypeScript source file under `dir`. */
export function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(m|c)?[jt]sx?$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier: static imports and re-exports (`from "x"`), side-effect imports (`import "x"`), dynamic imports and require calls. */
export function specifiers(text: string): string[] {
  const re = /\bfrom\s*["']([^"']+)["']|\bimport\s*["']([^"']+)["']|\b(?:import|require)\s*\(\s*["'`]([^"'`]+)["'`]/g;
  return [...text.matchAll(re)].map((m) => (m[1] ?? m[2] ?? m[3])!);
}
