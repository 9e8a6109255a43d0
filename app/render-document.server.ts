// Renders a React element to the whole document's string (app/entry.server.tsx), byte-exact.
import { renderToPipeableStream } from "react-dom/server";

/** The size of React 18.3.1's output buffer (react-dom-server.node: `new Uint8Array(2048)`). */
export const REACT_VIEW_SIZE = 2048;

/**
 * One chunk React wrote, without the NUL bytes of its buffer bug. React 18's streaming renderer for
 * Node (renderToPipeableStream) fills 2 KB buffers; when a multi-byte character does not fit at the
 * end of one it still writes the whole buffer, its unwritten tail of zero bytes included (react
 * #24985, #31134; fixed in React 19). Only a chunk of exactly the buffer's size can carry that
 * tail, and a page never holds a NUL of its own (test/e2e/clean-bytes.spec.ts), so the zero bytes
 * at the end of such a chunk are the bug's, at most three (a character is at most four bytes).
 */
export function withoutBufferTail(chunk: Uint8Array): Uint8Array {
  if (chunk.byteLength !== REACT_VIEW_SIZE) return chunk;
  let end = chunk.byteLength;
  while (end > chunk.byteLength - 3 && chunk[end - 1] === 0) end--;
  return end === chunk.byteLength ? chunk : chunk.subarray(0, end);
}

/**
 * The whole document as a string, from its doctype. renderToString does not wait for Suspense, and single fetch
 * hands the loader data to the browser through suspending parts of <Scripts>, so the page would
 * never hydrate. The streaming renderer waits for everything (onAllReady), then writes the whole
 * page at once into 2 KB buffers (withoutBufferTail drops its NUL bytes). React 18's legacy
 * renderToNodeStream, used before, gave the same bytes but pushed every piece of markup through a
 * Node stream as its own string: about a sixth of a list page's render (docs/load-benchmark.md,
 * "Cold renders").
 */
const DOCTYPE = "<!DOCTYPE html>";

/** How long a render may wait for its Suspense boundaries before React is told to stop waiting. */
export const RENDER_TIMEOUT_MS = 10_000;

export function renderDocument(element: React.ReactElement): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let length = 0;
    // What React's pipe() needs of a destination: write, end and on. Everything is written
    // synchronously inside pipe(), once every Suspense boundary is ready.
    const sink = {
      write(chunk: Uint8Array) {
        const part = withoutBufferTail(chunk);
        chunks.push(part);
        length += part.byteLength;
        return true;
      },
      end() {
        clearTimeout(timer);
        const html = Buffer.concat(chunks, length).toString("utf8");
        // React writes the doctype itself when the root element is <html>.
        resolve(html.startsWith(DOCTYPE) ? html : DOCTYPE + html);
      },
      on() {
        return sink;
      },
    };
    let failed = false;
    let shellReady = false;
    // A part that never becomes ready (data that never arrives) must not hold the render, and its
    // slot in the server's render queue, for ever: after RENDER_TIMEOUT_MS React is told to stop
    // waiting, so that part renders in the browser and the page is sent (or the shell fails).
    const timer = setTimeout(() => stream.abort(new Error(`render not ready after ${RENDER_TIMEOUT_MS} ms`)), RENDER_TIMEOUT_MS);
    timer.unref?.();
    const stream = renderToPipeableStream(element, {
      onShellReady() {
        shellReady = true;
      },
      onAllReady() {
        if (!failed) stream.pipe(sink as unknown as NodeJS.WritableStream);
      },
      onShellError(error) {
        clearTimeout(timer);
        failed = true;
        reject(error);
      },
      // A failure of the page itself rejects (above) and Remix answers with its error page; one
      // inside a Suspense boundary after the shell is logged, and that part renders in the browser.
      onError(error) {
        if (shellReady) console.error(error);
      },
    });
  });
}
