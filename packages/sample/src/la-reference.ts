/** The council lookup in the Data to Insight layout, written from the reference facts in @lens/core. */
import { COUNCILS } from "@lens/core";
import { quote } from "./csv-cells.js";

const HEADER =
  "urn,la_code,la_code_new,stat_neighbours,stat_neighbours_la_code,stat_neighbours_previous,local_authority_ons_name,also_known_as,region_code,region_name,domain,ofsted_ilacs_scrape_la_name,rgn22cd,rgn22nm,lad23cd,ltla23cd,ltla23nm,ltla23nmw,ltla23_ons,utla23nm,country,ons_population_0-25,ons_la_type";

export function laReferenceCsv(): string {
  const rows = [HEADER];
  for (const c of COUNCILS) {
    const cells = [
      "",
      c.laCode,
      c.onsCode,
      c.neighbours.join(", "),
      "",
      "",
      c.name,
      "",
      "",
      c.region,
      "",
      c.name,
      "",
      c.region,
      c.onsCode,
      c.onsCode,
      c.name,
      "",
      c.onsCode,
      c.name,
      "England",
      "",
      c.laType,
    ];
    rows.push(cells.map(quote).join(","));
  }
  return `${rows.join("\n")}\n`;
}
