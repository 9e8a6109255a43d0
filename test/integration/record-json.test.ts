// /tools/<id>.json is a view of the API's tool document (/api/v1/tools/<id>): the same facts, in the
// record file's published shape.
import { describe, expect, it } from "vitest";
import { useFreshDb } from "../helpers/db";
import { seedId } from "../helpers/seed";
import { loader as recordFileLoader } from "~/routes/tools-json.$id";
import { getJson, ORIGIN } from "./api-helpers";

useFreshDb();

describe("the record file and the API's tool document", () => {
  it("give the same record, revision, state and impact", async () => {
    for (const slug of ["shanghai-suishen-code", "health-code"]) {
      const id = seedId(slug);
      const { body: api } = await getJson<{ id: string; url: string; revision: { number: number; status: string; publishedAt: string }; sunsetState: string; impact: unknown; links: { standard: string }; record: unknown }>(`/api/v1/tools/${id}`);
      const res = (await recordFileLoader({ request: new Request(`${ORIGIN}/tools-json/${id}`), params: { id }, context: {} })) as Response;
      expect(res.status).toBe(200);
      const file = await res.json();
      expect(file).toEqual({
        id: api.id,
        url: api.url,
        revision: api.revision.number,
        reviewStatus: api.revision.status,
        publishedAt: api.revision.publishedAt,
        sunsetState: api.sunsetState,
        impact: api.impact,
        standard: api.links.standard,
        record: api.record,
      });
      // The published key order of the file is kept.
      expect(Object.keys(file)).toEqual(["id", "url", "revision", "reviewStatus", "publishedAt", "sunsetState", "impact", "standard", "record"]);
    }
  });
});
