import { describe, expect, expectTypeOf, it } from "vitest";
import { columnNames, isTableName, type WarehouseRow } from "./warehouse-tables.js";

describe("the warehouse table declarations", () => {
  it("type a row: NOT NULL columns required, nullable and defaulted ones optional", () => {
    expectTypeOf<WarehouseRow<"rejects">>().toEqualTypeOf<{
      source: string;
      source_file: string;
      reason: string;
      line?: number | null;
    }>();
    // is_derived is NOT NULL DEFAULT false: a writer may leave it out.
    expectTypeOf<WarehouseRow<"spend">["is_derived"]>().toEqualTypeOf<boolean | null | undefined>();
    expectTypeOf<WarehouseRow<"contracts">["contract_id"]>().toEqualTypeOf<string>();
    // @ts-expect-error a misspelt column is not a column of the row type
    const misspelt: WarehouseRow<"rejects"> = { source: "s", source_file: "f", reason: "r", resaon: "x" };
    expect(misspelt.reason).toBe("r");
  });

  it("list a table's columns in table order", () => {
    expect(columnNames("rejects")).toEqual(["source", "source_file", "line", "reason"]);
    expect(isTableName("contracts")).toBe(true);
    expect(isTableName("suppliers")).toBe(false);
  });
});
