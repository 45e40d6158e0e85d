import { QueryInputError, QueryTimeoutError } from "@lens/queries";
import { describe, expect, it } from "vitest";
import { clientError } from "./error-status.js";

describe("clientError", () => {
  it("is 400 with the input problem for a QueryInputError", () => {
    expect(clientError(new QueryInputError("dimension 'x' is not available"))).toEqual({
      status: 400,
      code: "BAD_REQUEST",
      message: "dimension 'x' is not available",
      log: false,
    });
  });

  it("is 503, never 408, for a query past its deadline, and says how to get an answer", () => {
    const e = clientError(new QueryTimeoutError(250));
    expect(e.status).toBe(503);
    expect(e.code).toBe("SERVICE_UNAVAILABLE");
    expect(e.message).toMatch(/longer than 250 ms.*narrow the selection/);
    expect(e.log).toBe(false);
  });

  it("is a logged 500 with no detail for anything else", () => {
    expect(clientError(new Error("connection lost at /srv/lens/x.duckdb"))).toEqual({
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      message: "The query failed; the error has been logged.",
      log: true,
    });
  });
});
