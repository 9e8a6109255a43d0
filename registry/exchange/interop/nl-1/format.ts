// The Dutch algorithm register's publication standard 1.0 as a format of the register
// (../formats.ts): read in both shapes the register publishes (./read.ts), written back in either,
// mapped by ./mapping.ts.
//
// Writing (`write(rows, meta)`):
// - shape "schema" (the default): a JSON list of records keyed as the register's schema keys them,
//   in the schema's order, each with only the keys it has a value for (a value the source left
//   null or out is not given, and is written out); a list or grouping cell is written as the JSON
//   it holds. The API's own cells (its page address, its two dates, its impact assessment) have
//   no schema key and are not written in this shape.
// - shape "api": the public API's list, `{count, fetched_at, source_url, algoritmes}`, every item
//   with all ten of the API's keys (null where a record has no value), in the API's order. The
//   metadata is the file's when given (`meta.file`, as read.ts read it: a read file comes back
//   identical), otherwise the export's own: count = the records written, fetched_at = the time
//   of the export, source_url = the address it was exported from. A status written from the
//   standard is written in the API's form (In gebruik → in_gebruik); a status the source gave
//   is written as it gave it.
// The route /interop/nl-1.json?shape=api passes `{ exportedAt, source, shape: "api" }`
// (exportInterop's `shape` option); any other shape value is the schema shape.
import type { InteropFormat, InteropWriteMeta } from "../formats";
import type { Cells } from "../mapping";
import { NL_API_KEYS, NL_API_ONLY_FIELDS, NL_FIELDS, NL_GROUPING_KEYS, NL_LIST_KEYS, NL_SCHEMA_KEYS, NL_SECTIONS, type NlSection } from "./fields";
import { NL_MAPPING } from "./mapping";
import { readNl } from "./read";

const API_STATUS: Record<string, string> = { "In gebruik": "in_gebruik", "In ontwikkeling": "in_ontwikkeling", "Buiten gebruik": "buiten_gebruik" };

/** A cell as the JSON value of a schema key: lists and groupings as the JSON they hold. */
function schemaValue(key: string, cell: string): unknown {
  if ((NL_LIST_KEYS.has(key) || NL_GROUPING_KEYS.has(key)) && cell.startsWith("[")) {
    try {
      const v = JSON.parse(cell) as unknown;
      if (Array.isArray(v) && (NL_GROUPING_KEYS.has(key) || v.every((x) => typeof x === "string"))) return v;
    } catch {
      /* a text that only starts with a bracket stays text */
    }
  }
  return cell;
}

export function writeNl(rows: Cells[], meta: InteropWriteMeta): string {
  if (meta.shape === "api") {
    const file = meta.file ?? {};
    const doc = {
      count: typeof file.count === "number" ? file.count : rows.length,
      fetched_at: typeof file.fetched_at === "string" ? file.fetched_at : meta.exportedAt,
      source_url: typeof file.source_url === "string" ? file.source_url : meta.source,
      algoritmes: rows.map((r) => {
        const item: Record<string, string | null> = {};
        for (const { key, cell } of NL_API_KEYS) {
          const v = r[cell] ?? "";
          item[key] = v === "" ? null : key === "status" ? (API_STATUS[v] ?? v) : v;
        }
        return item;
      }),
    };
    return JSON.stringify(doc, null, 2);
  }
  const out = rows.map((r) => {
    const rec: Record<string, unknown> = {};
    for (const key of NL_SCHEMA_KEYS) {
      const cell = r[key] ?? "";
      if (cell !== "") rec[key] = schemaValue(key, cell);
    }
    return rec;
  });
  return JSON.stringify(out, null, 2);
}

export const NL_1: InteropFormat = {
  key: "nl-1",
  title: { en: "Dutch algorithm register, publication standard 1.0", zh: "荷兰算法登记簿发布标准 1.0 版" },
  standardUrl: "https://github.com/MinBZK/Algoritmeregister-Publicatiestandaard",
  extension: "json",
  mediaType: "application/json; charset=utf-8",
  fields: [...NL_FIELDS, ...NL_API_ONLY_FIELDS].map((x) => ({
    key: x.key,
    label: { en: x.nl ? `${x.nl} (${x.en})` : x.en, zh: x.nl ? `${x.nl}（${x.zh}）` : x.zh },
    section: { en: sectionName(x.section, "en"), zh: sectionName(x.section, "zh") },
  })),
  mapping: NL_MAPPING,
  read: (bytes) => readNl(bytes),
  write: writeNl,
};

function sectionName(s: NlSection, lang: "en" | "zh"): string {
  const x = NL_SECTIONS[s];
  return x.nl ? (lang === "en" ? `${x.nl} (${x.en})` : `${x.nl}（${x.zh}）`) : x[lang];
}
