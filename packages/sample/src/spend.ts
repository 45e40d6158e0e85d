/**
 * Generated s251-style outturn: one row per council × budget line with spend split by own
 * provision, private, other public and voluntary providers (the columns of the DfE files,
 * total lines included as in the real returns).
 */
import { COUNCILS } from "@lens/core";
import { quote } from "./csv-cells.js";
import type { Random } from "./random.js";

const HEADER =
  "LA,LA Name,LineNumber,CYPServiceDescription,ReportGroup,OwnProvision,PrivateProvision,OtherPublic,Voluntary,TotalExpenditure,Income,NetCurrentExpenditure,GovGrantsInsideAEF,GovGrantsOutsideAEF,LEANetRevenueExpenditure";

/** [line, description, group, base £m for an average council, private share, voluntary share, other public share]. */
const LINES = [
  [6, "6 Residential care", "CHILDREN LOOKED AFTER", 14, 0.55, 0.06, 0.04],
  [7, "7 Fostering services", "CHILDREN LOOKED AFTER", 12, 0.38, 0.05, 0.01],
  [8, "8 Adoption services", "CHILDREN LOOKED AFTER", 2.5, 0.1, 0.15, 0.05],
  [10, "10 Other children looked after services", "CHILDREN LOOKED AFTER", 1.2, 0.2, 0.1, 0.02],
  [11, "11 Short breaks (respite) for looked after disabled children", "CHILDREN LOOKED AFTER", 0.9, 0.15, 0.2, 0.05],
  [14, "14 Leaving care support services", "CHILDREN LOOKED AFTER", 3, 0.25, 0.12, 0.01],
  [23, "23 Short breaks (respite) for disabled children", "FAMILY SUPPORT SERVICES", 1.8, 0.12, 0.25, 0.05],
  [25, "25 Targeted family support", "FAMILY SUPPORT SERVICES", 9, 0.08, 0.2, 0.04],
  [29, "29 Targeted services for young people", "SERVICES FOR YOUNG PEOPLE", 4, 0.05, 0.25, 0.03],
] as const;

/** Outturn for the financial year ending in `yearEnd` (2015 → 2014-15). */
export function spendCsv(random: Random, yearEnd: number): string {
  const rows = [HEADER];
  const drift = (yearEnd - 2015) * 0.012;
  for (const council of COUNCILS) {
    const size = council.laCode === "201" || council.laCode === "420" ? 0.05 : random.logNormal(1, 0.45);
    const lean = random.normal() * 0.08;
    for (const [lineNo, description, group, base, priv, vol, pub] of LINES) {
      const total = base * 1e6 * size * (1 + (yearEnd - 2015) * 0.05) * (0.85 + random.next() * 0.3);
      const privateShare = Math.min(0.9, Math.max(0, priv + drift + lean));
      const voluntaryShare = Math.max(0, vol - drift / 3 - lean / 3);
      const publicShare = pub;
      const own = Math.max(0, 1 - privateShare - voluntaryShare - publicShare);
      const parts = [own, privateShare, publicShare, voluntaryShare].map((s) => Math.round(total * s));
      const sum = parts.reduce((a, b) => a + b, 0);
      const income = Math.round(sum * 0.04 * random.next());
      rows.push(
        [
          council.laCode,
          council.name,
          String(lineNo),
          description,
          group,
          ...parts.map(String),
          String(sum),
          String(income),
          String(sum - income),
          "0",
          "0",
          String(sum - income),
        ]
          .map(quote)
          .join(","),
      );
    }
  }
  return `${rows.join("\n")}\n`;
}
