// The document renderer (app/render-document.server.ts) uses React 18's streaming renderer, which
// writes NUL bytes into pages whose multi-byte characters straddle its 2 KB buffers; the renderer
// drops them. These tests render Chinese text at every offset around a buffer edge and compare the
// bytes with renderToString's (which has no such bug), and check the raw stream does show the bug
// for the same input (so the comparison is not vacuous).
import { createElement, Suspense } from "react";
import { renderToPipeableStream, renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { renderDocument, REACT_VIEW_SIZE, withoutBufferTail } from "../../app/render-document.server";

/**
 * A page whose text begins `pad` ASCII bytes in, then many short Chinese (3-byte) and 4-byte texts
 * (React copies short strings into its buffer piece by piece; long ones are written on their own).
 */
function page(pad: number) {
  const spans = (text: string, n: number) => Array.from({ length: n }, (_, i) => createElement("span", { key: i }, text));
  return createElement(
    "html",
    null,
    createElement(
      "body",
      null,
      createElement("p", null, "x".repeat(pad)),
      createElement("p", null, spans("健康码赋码规则与数据范围", 300)),
      createElement("p", null, spans("𠀀𠀁𠀂门磁", 300)),
    ),
  );
}

/** The raw bytes of renderToPipeableStream, as React writes them. */
function rawStream(element: React.ReactElement): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const sink = {
      write: (c: Uint8Array) => (chunks.push(Buffer.from(c)), true),
      end: () => resolve(Buffer.concat(chunks)),
      on: () => sink,
    };
    const s = renderToPipeableStream(element, { onAllReady: () => s.pipe(sink as unknown as NodeJS.WritableStream), onShellError: reject });
  });
}

describe("renderDocument", () => {
  it("gives renderToString's exact bytes for Chinese and four-byte text at every offset around a buffer edge", async () => {
    let rawHadNul = 0;
    for (let pad = 0; pad < 12; pad++) {
      const expected = `<!DOCTYPE html>${renderToString(page(pad))}`;
      const html = await renderDocument(page(pad));
      expect(html).toBe(expected);
      expect(Buffer.from(html, "utf8").includes(0)).toBe(false);
      if ((await rawStream(page(pad))).includes(0)) rawHadNul++;
    }
    // React 18's own stream corrupts these pages: the test exercises the bug it guards against.
    expect(rawHadNul).toBeGreaterThan(0);
  });

  it("waits for Suspense before writing (single fetch's <Scripts> suspends until the loader data is ready)", async () => {
    let ready = false;
    const promise = new Promise<void>((r) => setTimeout(() => ((ready = true), r()), 20));
    function Late() {
      if (!ready) throw promise;
      return createElement("span", null, "数据已到");
    }
    const html = await renderDocument(createElement("div", null, createElement(Suspense, { fallback: createElement("i", null, "wait") }, createElement(Late))));
    expect(html).toContain("数据已到");
    expect(html).not.toContain("wait");
  });

  it("rejects when the page itself fails to render", async () => {
    function Broken(): never {
      throw new Error("broken page");
    }
    await expect(renderDocument(createElement(Broken))).rejects.toThrow("broken page");
  });
});

describe("withoutBufferTail", () => {
  it("drops up to three zero bytes at the end of a full buffer only", () => {
    const full = new Uint8Array(REACT_VIEW_SIZE).fill(65);
    full[REACT_VIEW_SIZE - 1] = 0;
    full[REACT_VIEW_SIZE - 2] = 0;
    expect(withoutBufferTail(full).byteLength).toBe(REACT_VIEW_SIZE - 2);
    const clean = new Uint8Array(REACT_VIEW_SIZE).fill(65);
    expect(withoutBufferTail(clean)).toBe(clean);
    const short = new Uint8Array([65, 0]);
    expect(withoutBufferTail(short)).toBe(short);
  });
});
