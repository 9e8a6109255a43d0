// The one 404 of the pages: a loader or action that finds nothing throws it, and the root error
// boundary renders the page in the reader's language (the Epic Stack's invariantResponse).
export const notFound = () => new Response("Not Found", { status: 404 });

/** The value, or a thrown 404 when there is none. */
export function foundOr404<T>(value: T | null | undefined): T {
  if (value === null || value === undefined) throw notFound();
  return value;
}
