// Paths into a record of the standard, as the mapping tables of the foreign formats write them
// (./mapping.ts): dotted keys, a list item by position (`vendors[0]`) or by one of its keys
// (`classifications[scheme=us-omb-high-impact]`, `externalIds[register=uk-atrs]`). Reading a path
// that is not there gives undefined; writing one makes what is missing on the way, an item chosen
// by a key being made with that key. Pure and small: the mapping tables are data, these are the
// only functions that walk them.

type Step = { key: string } | { index: number } | { match: [string, string] };

const STEP = /([^.[\]]+)|\[(\d+)\]|\[([^=\]]+)=([^\]]+)\]/g;
/** The whole grammar: keys joined by dots, each followed by any number of selectors (no `a..b`, `.a`, `a[0]b`). */
const PATH = /^[^.[\]]+(?:\[(?:\d+|[^=\]]+=[^\]]+)\])*(?:\.[^.[\]]+(?:\[(?:\d+|[^=\]]+=[^\]]+)\])*)*$/;

const cache = new Map<string, Step[]>();

/** The steps of a path; refuses (throws) a malformed one, which is a mistake in a mapping table. */
export function stepsOf(path: string): Step[] {
  const hit = cache.get(path);
  if (hit) return hit;
  const steps: Step[] = [];
  let consumed = 0;
  for (const m of path.matchAll(STEP)) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
    else steps.push({ match: [m[3]!, m[4]!] });
    consumed += m[0].length;
  }
  const dots = (path.match(/\./g) ?? []).length;
  if (!steps.length || consumed + dots !== path.length || !PATH.test(path)) throw new Error(`Malformed record path: ${path}`);
  const forbidden = (k: string) => ["__proto__", "constructor", "prototype"].includes(k);
  for (const s of steps) if (("key" in s && forbidden(s.key)) || ("match" in s && forbidden(s.match[0]))) throw new Error(`Malformed record path: ${path}`);
  cache.set(path, steps);
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function child(node: unknown, step: Step): unknown {
  if ("key" in step) return isObject(node) ? (Object.hasOwn(node, step.key) ? node[step.key] : undefined) : undefined;
  if (!Array.isArray(node)) return undefined;
  if ("index" in step) return node[step.index];
  const [k, v] = step.match;
  return node.find((item) => isObject(item) && item[k] === v);
}

/** The value at a path, or undefined. */
export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const step of stepsOf(path)) {
    node = child(node, step);
    if (node === undefined) return undefined;
  }
  return node;
}

/** Writes a value at a path, making the objects and list items on the way. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const steps = stepsOf(path);
  let node: unknown = root;
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!;
    const last = i === steps.length - 1;
    const next = steps[i + 1];
    const fresh = () => (next && !("key" in next) ? [] : {});
    if ("key" in step) {
      const obj = node as Record<string, unknown>;
      if (last) {
        obj[step.key] = value;
        return;
      }
      if (obj[step.key] === undefined || typeof obj[step.key] !== "object" || obj[step.key] === null) obj[step.key] = fresh();
      node = obj[step.key];
    } else if ("index" in step) {
      const arr = node as unknown[];
      while (arr.length < step.index) arr.push({});
      if (last) {
        arr[step.index] = value;
        return;
      }
      if (arr[step.index] === undefined) arr[step.index] = fresh();
      node = arr[step.index];
    } else {
      const arr = node as unknown[];
      const [k, v] = step.match;
      let item = arr.find((it) => isObject(it) && it[k] === v) as Record<string, unknown> | undefined;
      if (last) {
        // Writing a whole matched item keeps its key.
        const whole = isObject(value) ? { [k]: v, ...value } : value;
        if (item) arr[arr.indexOf(item)] = whole;
        else arr.push(whole);
        return;
      }
      if (!item) {
        item = { [k]: v };
        arr.push(item);
      }
      node = item;
    }
  }
}

/** Removes the value at a path (and nothing else); a path that is not there is left alone. */
export function unsetPath(root: Record<string, unknown>, path: string): void {
  const steps = stepsOf(path);
  let node: unknown = root;
  for (let i = 0; i < steps.length - 1; i++) {
    node = child(node, steps[i]!);
    if (node === undefined) return;
  }
  const last = steps.at(-1)!;
  if ("key" in last) {
    if (isObject(node)) delete node[last.key];
  } else if (Array.isArray(node)) {
    const at = "index" in last ? last.index : node.findIndex((it) => isObject(it) && it[last.match[0]] === last.match[1]);
    if (at >= 0 && at < node.length) node.splice(at, 1);
  }
}

/** Deep equality of JSON values (key order ignored). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => sameJson(a[k], b[k]));
  }
  return false;
}
