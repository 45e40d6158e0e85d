import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getBuildInfo } from "./build-info.js";
import { fixtureWarehouse } from "./test-fixture.js";

let fx: Awaited<ReturnType<typeof fixtureWarehouse>>;
beforeAll(async () => {
  fx = await fixtureWarehouse({
    build_info: [
      { key: "built_at", value: "2025-01-02T03:04:05.000Z" },
      { key: "is_sample", value: "true" },
    ],
  });
});
afterAll(() => fx.close());

describe("getBuildInfo", () => {
  it("reads the key/value pairs the build wrote, and nothing else", async () => {
    const info = await getBuildInfo(fx.connection);
    expect(info).toEqual({ built_at: "2025-01-02T03:04:05.000Z", is_sample: "true" });
    expect(info.ruleset_version).toBeUndefined();
  });
});
