// A JSON text that names one key twice in an object is valid JSON, but JSON.parse keeps only the
// last value and the first is lost without a word. The foreign JSON readers (ATRS, the Dutch
// register) refuse such a file instead: this finds the first key given twice in one object.
// Run on text JSON.parse has already accepted. Iterative (no recursion), so deep nesting costs
// no stack; linear in the text.

/** The first key given twice in one object of a valid JSON text, or null. */
export function repeatedJsonKey(text: string): string | null {
  // One entry per open container: the keys seen so far in an object, or null for an array.
  const stack: (Set<string> | null)[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 123 /* { */) stack.push(new Set());
    else if (ch === 91 /* [ */) stack.push(null);
    else if (ch === 125 /* } */ || ch === 93 /* ] */) stack.pop();
    else if (ch === 34 /* " */) {
      const start = i;
      for (i++; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 92 /* \ */) i++;
        else if (c === 34) break;
      }
      const keys = stack.at(-1);
      if (!keys) continue;
      // A string in an object is a key when a colon follows it.
      let j = i + 1;
      while (j < text.length && (text[j] === " " || text[j] === "\t" || text[j] === "\n" || text[j] === "\r")) j++;
      if (text[j] !== ":") continue;
      const key = JSON.parse(text.slice(start, i + 1)) as string;
      if (keys.has(key)) return key;
      keys.add(key);
    }
  }
  return null;
}
