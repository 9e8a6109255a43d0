// Field-by-field comparison of two records: both are flattened to dotted paths (arrays by
// index), and every path whose value differs is listed. Pure, so the history page and any
// client compare revisions the same way.
export type FieldChange = { path: string; before: unknown; after: unknown };

export function flatten(value: unknown, prefix = "", out: Map<string, unknown> = new Map()): Map<string, unknown> {
  if (value !== null && typeof value === "object") {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
    if (!entries.length) out.set(prefix, Array.isArray(value) ? [] : {});
    for (const [k, v] of entries) if (v !== undefined) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out.set(prefix, value);
  }
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Changed, added and removed fields, in the order they appear in `after` then `before`. */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
  const a = flatten(before);
  const b = flatten(after);
  const changes: FieldChange[] = [];
  for (const [path, v] of b) if (!a.has(path) || !same(a.get(path), v)) changes.push({ path, before: a.get(path), after: v });
  for (const [path, v] of a) if (!b.has(path)) changes.push({ path, before: v, after: undefined });
  return changes;
}
