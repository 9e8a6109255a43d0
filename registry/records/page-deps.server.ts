// What a cached public page was made from (its loader declares it, app/page-cache.server.ts), and
// whether a later version of the register leaves it as it is: server.mjs asks before it renders a
// page again after a write. Only list pages without a search declare anything so far; a page
// that declares nothing is rendered again after every change.
import { listPageUnchanged, type ListPageDeps } from "./list-page-deps.server";

export type PageDeps = ListPageDeps;

/** Whether a page made at version `from` is what would be made at `to`. Never throws: false when unsure. */
export function pageUnchanged(deps: PageDeps, from: string, to: string): boolean {
  try {
    return deps.kind === "list" && listPageUnchanged(deps, from, to);
  } catch (e) {
    console.error(e);
    return false;
  }
}
