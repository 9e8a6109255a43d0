// The pages a server worker renders before it listens (app/http/warm-up.ts, server.mjs) must be
// what visitors ask for: public pages, at their canonical address, that render whole. An address
// that redirected, failed or was not a public page would warm up the wrong code (or none).
import { test, expect } from "@playwright/test";
import { WARM_UP_ADDRESSES } from "../../app/http/warm-up";

test("every warm-up address is a public page at its canonical address, rendered whole in its language", async ({ request }) => {
  expect(WARM_UP_ADDRESSES.length).toBeGreaterThan(4);
  for (const address of WARM_UP_ADDRESSES) {
    const answer = await request.get(address, { maxRedirects: 0, headers: { "Accept-Language": "en" } });
    expect(answer.status(), address).toBe(200);
    // Only public pages go through the page cache (a miss or a hit; never absent).
    expect(answer.headers()["x-page-cache"], address).toMatch(/^(miss|hit)$/);
    const html = await answer.text();
    expect(html, address).toContain(address.startsWith("/en") ? '<html lang="en"' : '<html lang="zh-Hans"');
    expect(html, address).toContain("</html>");
  }
});
