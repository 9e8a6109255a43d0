import { describe, expect, it } from "vitest";
import { renderMarkdown } from "../../registry/shared/markdown.server";

describe("renderMarkdown", () => {
  it("renders Markdown", () => {
    expect(renderMarkdown("**红码** rules")).toBe("<p><strong>红码</strong> rules</p>\n");
  });
  it("escapes raw HTML", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
  it("keeps http, https and mailto links and drops javascript: and data: links", () => {
    expect(renderMarkdown("[a](https://example.org)")).toContain('href="https://example.org"');
    expect(renderMarkdown("[a](mailto:x@example.org)")).toContain('href="mailto:x@example.org"');
    expect(renderMarkdown("[a](javascript:alert(1))")).not.toContain("href");
    expect(renderMarkdown("[a](data:text/html,hi)")).not.toContain("href");
    expect(renderMarkdown("[a](/relative)")).not.toContain("href");
  });
  it("marks links nofollow and noreferrer", () => {
    expect(renderMarkdown("[a](https://example.org)")).toContain('rel="nofollow noopener noreferrer"');
  });
});
