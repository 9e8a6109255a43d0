// Names that reach an object's prototype when used as keys ("__proto__") or lead to it
// ("constructor.prototype"). No parser of user input (forms, imported files) takes one as a
// field or column name: with them, one request could change Object.prototype for every later
// request in the worker. Values built from user-given keys are also built without prototypes.
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

export function isForbiddenKey(k: string): boolean {
  return FORBIDDEN_KEYS.has(k);
}
