// Interface strings for the mirror pages, merged into strings.ts. Kept apart so that work on one
// area does not edit the shared table; a key missing in one language fails the typecheck.
const en = {
};

const zh: Record<keyof typeof en, string> = {
};

export const mirrorStrings = { en, zh };
