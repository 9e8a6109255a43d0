// The readable web-address name (slug) proposed from a tool's name when the official leaves it
// empty: the English name if given, else the Chinese name in pinyin (pinyin-pro, a maintained
// dictionary-based converter that handles polyphonic characters by context), lower-case words
// joined by hyphens; "-2", "-3"... when the name is taken. Pure: the caller says which are taken.
import { pinyin } from "pinyin-pro";

const MAX = 80;

/** Lower-case ASCII words joined by hyphens, at most 80 characters, cut on a word boundary. */
export function slugify(text: string): string {
  const words = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let out = "";
  for (const w of words) {
    const next = out ? `${out}-${w}` : w;
    if (next.length > MAX) break;
    out = next;
  }
  return out || words[0]?.slice(0, MAX) || "";
}

/** Chinese characters to pinyin without tones, each run of Han characters one word (随申码 → suishenma). */
export function pinyinWords(text: string): string {
  return text.replace(/[\u3400-\u9fff\uf900-\ufaff]+/g, (run) => ` ${pinyin(run, { toneType: "none", type: "array", v: true }).join("")} `);
}

/** The base of a slug from a name: English if given, else pinyin of the Chinese; "" when nothing usable. */
export function slugBase(name: { zh?: string | null; en?: string | null } | undefined): string {
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const en = slugify(text(name?.en));
  if (en) return en;
  return slugify(pinyinWords(text(name?.zh)));
}

/** The first free slug: the base, then base-2, base-3... `taken` says whether a slug is in use. */
export function proposeSlug(name: { zh?: string | null; en?: string | null } | undefined, taken: (slug: string) => boolean): string | null {
  const base = slugBase(name);
  if (!base) return null;
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
