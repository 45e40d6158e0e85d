/**
 * The three council ledgers read row by row (Darlington, Salford, Wakefield): on the real
 * files, every file's read / kept / rejected count and each council-year's total of the
 * children's lines, both computed independently from the raw CSVs (Python's csv module and
 * exact decimal sums over the same selection); then handmade files for the layouts' traps.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { queryRows } from "../query.js";
import { runIngesters } from "../testing/build-fixture.js";
import { sharedDataDir } from "../testing/shared-data.js";
import type { SourceIngester } from "../types.js";
import { darlingtonSpendIngester } from "./darlington-spend.js";
import { cleanLedgerHeader, OUT_OF_SCOPE, registryNumber } from "./ledger-csv.js";
import { salfordSpendIngester } from "./salford-spend.js";
import { wakefieldSpendIngester } from "./wakefield-spend.js";

const shared = sharedDataDir();
const tmpDirs: string[] = [];
afterAll(async () => {
  for (const d of tmpDirs) await rm(d, { recursive: true, force: true });
});
async function fixture(files: Record<string, string | Uint8Array>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lens-council-ledger-"));
  tmpDirs.push(dir);
  for (const [name, body] of Object.entries(files)) await writeFile(join(dir, name), body);
  return dir;
}

/** `file read kept` triples separated by `|` or line breaks; rejected = read − kept. */
type FileCounts = string;
function parseCounts(text: FileCounts, folder: string): [string, number, number, number][] {
  return text
    .split(/[|\n]/)
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const [name, read, kept] = s.split(/\s+/);
      return [`${folder}/${name}.csv`, Number(read), Number(kept), Number(read) - Number(kept)];
    });
}

const DARLINGTON: FileCounts = `
  2010-09 4104 794 | 2010-12 794 144 | 2011-01 1294 242 | 2011-02 1262 240
  2011-03 1999 366 | 2011-04 728 82 | 2011-05 1026 151 | 2011-06 1088 158
  2011-07 1102 199 | 2011-08 1096 157 | 2011-09 1070 183 | 2011-10 970 148
  2011-11 1233 194 | 2011-12 1023 167 | 2012-01 1279 225 | 2012-02 1047 187
  2012-03 1659 341 | 2012-04 678 162 | 2012-05 1225 331 | 2012-06 1037 295
  2012-07 1127 316 | 2012-08 973 274 | 2012-09 702 120 | 2012-10 1150 328
  2012-11 1208 354 | 2012-12 904 265 | 2013-01 1824 484 | 2013-02 2837 756
  2013-03 4420 1190 | 2013-04 645 150 | 2013-05 1017 260 | 2013-06 999 258
  2013-07 999 258 | 2013-08 1166 262 | 2013-09 1050 182 | 2013-10 1201 279
  2013-12 881 193 | 2014-01 1023 245 | 2014-02 1065 305 | 2014-03 1352 299
  2014-04 743 193 | 2014-05 873 216 | 2014-06 963 265 | 2014-07 1056 307
  2014-08 685 153 | 2014-09 1280 319 | 2014-10 1044 206 | 2014-11 1093 227
  2014-12 950 267 | 2015-01 927 250 | 2015-02 1001 263 | 2015-03 1513 427
  2015-04 672 138 | 2015-05 974 254 | 2015-06 1000 292 | 2015-07 1043 268
  2015-08 915 242 | 2015-09 752 168 | 2015-10 1158 280 | 2015-11 950 265
  2016-01 1020 333 | 2016-02 1011 335 | 2016-03 1303 437 | 2016-04 970 227
  2016-05 1359 421 | 2016-06 1271 395 | 2016-07 1559 459 | 2016-08 1520 400
  2016-09 1166 301 | 2016-10 1261 452 | 2016-11 1141 385 | 2016-12 1116 417
  2017-01 1282 446 | 2017-02 1286 440 | 2017-03 2011 661 | 2017-04 2020 572
  2017-05 2650 892 | 2017-06 2264 540 | 2017-07 2219 597 | 2017-08 3118 913
  2017-09 1798 458 | 2017-10 1810 467 | 2017-11 1704 496 | 2017-12 1969 708
  2018-01 1840 507 | 2018-02 1572 459 | 2018-03 2639 762 | 2018-04 1738 613
  2018-05 2241 496 | 2018-06 1498 418 | 2018-07 1839 408 | 2018-08 1683 406
  2018-09 1944 413 | 2018-10 1852 421 | 2018-11 2235 567 | 2018-12 1455 457
  2019-01 1714 466 | 2019-02 1427 398 | 2019-03 2157 556 | 2019-04 1519 572
  2019-05 1754 527 | 2019-06 1773 481 | 2019-07 1751 427 | 2019-08 1894 496
  2019-09 1894 369 | 2019-10 1697 483 | 2019-11 1651 447 | 2019-12 1901 610
  2020-01 1751 416 | 2020-02 1674 469 | 2020-03 2248 752 | 2020-04 1465 372
  2020-05 1157 395 | 2020-06 1503 383 | 2020-07 1658 481 | 2020-08 1341 296
  2020-09 1670 382 | 2020-10 1952 477 | 2020-11 1820 429 | 2020-12 2056 541
  2021-01 1498 340 | 2021-02 1655 441 | 2021-03 2354 704 | 2021-04 1679 527
  2021-05 1634 443 | 2021-06 2020 473 | 2021-07 1753 481 | 2021-08 1534 318
  2021-09 1597 338 | 2021-10 1737 436 | 2021-11 2066 482 | 2021-12 1688 459
  2022-01 1712 446 | 2022-02 1751 469 | 2022-03 3414 760 | 2022-04 1507 412
  2022-05 1986 566 | 2022-06 1678 374 | 2022-07 1757 502 | 2022-08 1863 416
  2022-09 1487 379
`;
const SALFORD: FileCounts = `
  2011-08 1934 701 | 2011-09 2007 521 | 2011-10 2414 632 | 2011-11 2309 706
  2011-12 2541 748 | 2012-01 2613 634 | 2012-02 2566 680 | 2012-03 2963 743
  2012-04 2588 797 | 2012-05 2294 589 | 2012-06 2019 412 | 2012-07 2238 539
  2012-08 2203 502 | 2012-09 2068 473 | 2012-10 2405 648 | 2012-11 2338 491
  2012-12 2182 593 | 2013-01 2732 629 | 2013-02 2165 530 | 2013-03 2572 618
  2013-04 2294 757 | 2013-05 2107 636 | 2013-06 1940 502 | 2013-07 2245 632
  2013-08 2071 500 | 2013-09 1859 447 | 2013-10 2239 545 | 2013-11 2439 652
  2013-12 2452 536 | 2014-01 2144 649 | 2014-02 2424 691 | 2014-03 2914 718
  2014-04 2256 768 | 2014-05 1950 532 | 2014-06 2338 638 | 2014-07 2271 589
  2014-08 2189 521 | 2014-09 2200 623 | 2014-10 2446 661 | 2014-11 2031 455
  2014-12 2497 601 | 2015-01 2108 559 | 2015-02 2136 613 | 2015-03 2413 576
  2015-04 2170 770 | 2015-05 1736 571 | 2015-06 2079 571 | 2015-07 1972 550
  2015-08 1777 455 | 2015-09 1787 464 | 2015-10 2060 641 | 2015-11 1779 455
  2015-12 2220 504 | 2016-01 1760 550 | 2016-02 2081 578 | 2016-03 2050 445
  2016-04 1858 532 | 2016-05 1909 603 | 2016-06 2111 661 | 2016-07 1132 447
  2016-08 1136 476 | 2016-09 871 271 | 2016-10 1148 547 | 2016-11 1292 578
  2016-12 1060 477 | 2017-01 1064 541 | 2017-02 896 388 | 2017-03 1484 637
  2017-04 1188 613 | 2017-05 1250 635 | 2017-06 1261 512 | 2017-07 1068 406
  2017-08 1115 500 | 2017-09 996 418 | 2017-10 1140 563 | 2017-11 1136 463
  2017-12 1067 470 | 2018-01 1179 643 | 2018-02 1247 646 | 2018-03 1414 614
  2018-04 1248 728 | 2018-05 1425 768 | 2018-06 1290 651 | 2018-07 1448 836
  2018-08 1115 503 | 2018-09 1124 548 | 2018-10 1490 754 | 2018-11 1452 732
  2018-12 1282 652 | 2019-01 1375 683 | 2019-02 1520 806 | 2019-03 1652 788
  2019-04 1423 749 | 2019-05 1339 718 | 2019-06 1417 724 | 2019-07 1775 970
  2019-08 1192 435 | 2019-09 1155 495 | 2019-10 1424 673 | 2019-11 1406 683
  2019-12 1115 560 | 2020-01 1409 705 | 2020-02 1448 734 | 2020-03 1664 843
  2020-04 3053 585 | 2020-05 2548 581 | 2020-06 1965 734 | 2020-07 1639 641
  2020-08 1040 317 | 2020-09 1556 542 | 2020-10 1656 750 | 2020-11 1807 660
  2020-12 3179 782 | 2021-01 4728 668 | 2021-02 2733 721 | 2021-03 5649 822
  2021-04 3086 674 | 2021-05 1890 694 | 2021-06 1548 748 | 2021-07 1974 788
  2021-08 1233 411 | 2021-09 1301 445 | 2021-10 1430 561 | 2021-11 2035 910
  2021-12 1687 680 | 2022-01 1849 727 | 2022-02 2080 796 | 2022-03 2805 1005
  2022-04 1786 822 | 2022-05 2022 1045 | 2022-06 1809 874
`;
const WAKEFIELD: FileCounts = `
  2014-Q1 6531 1836 | 2014-Q2 7971 1957 | 2014-Q3 7808 2084 | 2014-Q4 8864 2579
  2015-Q1 7730 1832 | 2015-Q2 8064 1899 | 2015-Q3 5216 1431 | 2015-Q4 8555 2385
  2016-Q1 8231 1737 | 2016-Q2 8904 2115 | 2016-Q3 8231 1660 | 2016-Q4 8274 1767
  2017-Q1 6854 1293 | 2017-Q2 7202 1781 | 2017-Q3 6481 1563 | 2017-Q4 7405 2219
  2018-Q1 7141 1849 | 2018-Q2 7866 2627 | 2018-Q3 8659 3011 | 2018-Q4 10446 4211
  2021-Q4 11517 0
`;

/** Children's lines per financial year (ending March): rows and the exact sum in pounds. */
const DARLINGTON_YEARS = {
  2011: [1786, 6026494.43],
  2012: [2192, 7067086.45],
  2013: [4875, 12598151.03],
  2014: [2691, 7824007.42],
  2015: [3093, 8850084.66],
  2016: [3012, 9238111.69],
  2017: [5004, 13279856.37],
  2018: [7371, 27176647.72],
  2019: [5619, 28504321.12],
  2020: [6049, 38113301.59],
  2021: [5241, 33296839.59],
  2022: [5632, 38547255.21],
  2023: [2649, 16934473.67],
};
const SALFORD_YEARS = {
  2012: [5365, 37865603.15],
  2013: [6821, 52183738.34],
  2014: [7265, 63445795.39],
  2015: [7136, 66265214.2],
  2016: [6554, 64433870.09],
  2017: [6158, 65101592.88],
  2018: [6483, 65637464.88],
  2019: [8449, 78481595.52],
  2020: [8289, 80791996.48],
  2021: [7803, 70261636.54],
  2022: [8439, 77591337.0],
  2023: [2741, 23490286.24],
};
const WAKEFIELD_YEARS = {
  2015: [8437, 40810112.51],
  2016: [7566, 41254219.09],
  2017: [7279, 46694652.52],
  2018: [6856, 45855321.18],
  2019: [11574, 50352156.4],
  2020: [124, 197087.05],
};

async function checkRealLedger(
  folder: string,
  ingester: SourceIngester,
  counts: FileCounts,
  years: Record<number, number[]>,
): Promise<{ reasons: Record<string, number>; run: Awaited<ReturnType<typeof runIngesters>> }> {
  const run = await runIngesters(join(shared!, "procurement", folder), [ingester]);
  expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual(parseCounts(counts, "clean"));
  const byYear = await queryRows<{ year: number; n: number; total: number }>(
    run.connection,
    "SELECT year, count(*)::INT n, round(sum(amount_gbp), 2)::DOUBLE total FROM spend GROUP BY year ORDER BY year",
  );
  expect(Object.fromEntries(byYear.map((r) => [r.year, [r.n, r.total]]))).toEqual(years);
  const reasons: Record<string, number> = {};
  for (const r of run.rejects) {
    const key = r.reason.startsWith(OUT_OF_SCOPE) ? OUT_OF_SCOPE : r.reason;
    reasons[key] = (reasons[key] ?? 0) + 1;
  }
  return { reasons, run };
}

describe.skipIf(!shared)("council ledgers on the real files", () => {
  it("Darlington: 141 files, SQL preambles skipped, 55,214 children's lines, £247.46m", async () => {
    const { reasons, run } = await checkRealLedger(
      "darlington-spend-over-500",
      darlingtonSpendIngester,
      DARLINGTON,
      DARLINGTON_YEARS,
    );
    try {
      expect(reasons).toEqual({ [OUT_OF_SCOPE]: 157796 });
      // 2013 files: 18 lines of SQL and title above the header (line 19); the first children's
      // line of February is physical line 1,968.
      const [first] = await queryRows(
        run.connection,
        `SELECT min(source_line)::INT l, any_value(la_code) la, count(DISTINCT la_code)::INT las, min(period) p0,
                max(period) p1, any_value(source) s
         FROM spend WHERE source_file = 'clean/2013-02.csv'`,
      );
      expect(first).toEqual({ l: 1968, la: "841", las: 1, p0: "2013-02", p1: "2013-02", s: "darlington-spend" });
      const [quarter] = await queryRows(
        run.connection,
        "SELECT DISTINCT period, year FROM spend WHERE source_file = 'clean/2010-09.csv'",
      );
      expect(quarter).toEqual({ period: "2010-09", year: 2011 });
    } finally {
      await run.close();
    }
  }, 120_000);

  it("Salford: 131 files, 15 header variants, 81,503 children's lines, £745.55m net", async () => {
    const { reasons, run } = await checkRealLedger(
      "salford-spend-over-500",
      salfordSpendIngester,
      SALFORD,
      SALFORD_YEARS,
    );
    try {
      expect(reasons).toEqual({
        [OUT_OF_SCOPE]: 166138,
        "no payment in the row (no date, amount or supplier)": 242,
      });
      // 2018-04 heads the amounts "Amount" over "Gross, VAT, Net": the second header line is
      // not a row, and the Net column is the one read.
      const [april] = await queryRows(
        run.connection,
        "SELECT min(source_line)::INT l, count(*)::INT n FROM spend WHERE source_file = 'clean/2018-04.csv'",
      );
      expect(april).toEqual({ l: 5, n: 728 });
    } finally {
      await run.close();
    }
  }, 120_000);

  it("Wakefield: 21 files, CHILDYOU lines with registry numbers, the card list rejected", async () => {
    const { reasons, run } = await checkRealLedger(
      "wakefield-spend-over-500",
      wakefieldSpendIngester,
      WAKEFIELD,
      WAKEFIELD_YEARS,
    );
    try {
      expect(reasons).toEqual({
        [OUT_OF_SCOPE]: 114597,
        "purchasing-card transaction (procurement-card list, not the spend-over-£500 ledger)": 11517,
      });
      const [numbers] = await queryRows(
        run.connection,
        "SELECT count(supplier_company_number)::INT co, count(supplier_charity_number)::INT ch FROM spend",
      );
      expect(numbers).toEqual({ co: 13822, ch: 1095 });
    } finally {
      await run.close();
    }
  }, 120_000);
});

describe("council ledger edge cases (handmade)", () => {
  it("header keys: BOMs encoded once, twice and three times, and C1 mojibake, are not part of a name", () => {
    expect(cleanLedgerHeader("\uFEFFAuthority Name")).toBe("authority name");
    expect(cleanLedgerHeader("ï»¿Directorate Name")).toBe("directorate name");
    expect(cleanLedgerHeader("Ã¯»¿Authority Name")).toBe("authority name");
    expect(cleanLedgerHeader("Children\u0080\u0099s  Services ")).toBe("childrens services");
  });

  it("registry cells without a number are NULL; numbers are kept as written", () => {
    expect(["Not yet available", "N/A", "Awaiting", "DETAILS REDACTED", "EXEMPT", " "].map(registryNumber)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
    expect(registryNumber(null)).toBeNull();
    expect([" 01234567 ", "IP030938", "1N/A9794N/A"].map(registryNumber)).toEqual([
      "01234567",
      "IP030938",
      "1N/A9794N/A",
    ]);
  });

  it("Darlington: a SQL preamble above a second header; month from the Date column, else the file name", async () => {
    const preamble = [
      '"sql select t.apar_id, t.amount from agltransact t"',
      "sql where t.client = 'XX'",
      "query",
      ",,Example Borough Council - Analysis of Transactions Over 500",
      "columns,,text description,text servdesc,apar_name,amount,accdesc",
    ];
    const dir = await fixture({
      "2013-05.csv": [
        ...preamble,
        ",,Directotate,Service,Supplier,Invoice Line Value (net of VAT),Account",
        "INSERTED DETAIL,,Resources Group,Resources,Paper Co Ltd,600.00,STATIONERY",
        "INSERTED DETAIL,,Children and Adults Services,Childrens Services,Acme Care Ltd,1500.50,EXTERNAL PLACEMENTS",
        "INSERTED DETAIL,,Children and Adults Services,ADULT SOCIAL CARE,Acme Care Ltd,900,RESIDENTIAL CARE",
        'INSERTED DETAIL,,Children and Adults Services,Children and Adults,"Smith, Jones & Co",700,FEES',
        "",
      ].join("\n"),
      "2016-02.csv": [
        "Date,Directotate,Service,Supplier,Order,Invoice Line Value (net of VAT),Account",
        "2016-02,People,Childrens Social Care,Foster Friends,1,-250.00,Maintenance Fee - Short Term IFA",
        "2016-02,People,Childrens Social Care,Foster Friends,2,,Maintenance Fee - Short Term IFA",
      ].join("\n"),
      "2010-09.csv": [
        "Date,Directorate,Service,Supplier,Invoice Line Value (net of VAT),Account",
        "July 2010-September 2010,Children's Services,Planning & Resources,Print Ltd,812.00,PRINTING",
      ].join("\n"),
    });
    const run = await runIngesters(dir, [darlingtonSpendIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["2010-09.csv", 1, 1, 0],
        ["2013-05.csv", 4, 1, 3],
        ["2016-02.csv", 2, 1, 1],
      ]);
      expect(run.rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
        ["2013-05.csv", 7, `${OUT_OF_SCOPE}: service 'Resources' (directorate 'Resources Group')`],
        ["2013-05.csv", 9, `${OUT_OF_SCOPE}: service 'ADULT SOCIAL CARE' (directorate 'Children and Adults Services')`],
        [
          "2013-05.csv",
          10,
          `${OUT_OF_SCOPE}: service 'Children and Adults' (directorate 'Children and Adults Services')`,
        ],
        ["2016-02.csv", 3, "amount '' is not a number"],
      ]);
      const rows = await queryRows(
        run.connection,
        "SELECT source_file f, source_line l, period, year, la_code, supplier_name, service_line, amount_gbp FROM spend ORDER BY f",
      );
      expect(rows).toEqual([
        {
          f: "2010-09.csv",
          l: 2,
          period: "2010-09",
          year: 2011,
          la_code: "841",
          supplier_name: "Print Ltd",
          service_line: "PRINTING",
          amount_gbp: 812,
        },
        {
          f: "2013-05.csv",
          l: 8,
          period: "2013-05",
          year: 2014,
          la_code: "841",
          supplier_name: "Acme Care Ltd",
          service_line: "EXTERNAL PLACEMENTS",
          amount_gbp: 1500.5,
        },
        {
          f: "2016-02.csv",
          l: 2,
          period: "2016-02",
          year: 2016,
          la_code: "841",
          supplier_name: "Foster Friends",
          service_line: "Maintenance Fee - Short Term IFA",
          amount_gbp: -250,
        },
      ]);
    } finally {
      await run.close();
    }
  });

  it("Salford: twice-encoded BOM, Amount over Gross/VAT/Net, #N/A debris, mojibake kept as written", async () => {
    const dir = await fixture({
      "a.csv": [
        "Ã¯»¿Authority Name,Date of Payment,SAP Document Number,Amount,,,Supplier Name,Directorate,G/L description.",
        ",,,Gross,VAT,Net,,,",
        "Salford City Council,2018-04-03,1,1200.00,200.00,1000.00,Acme Care Ltd,Children\u0080\u0099s Services,Payts to Agencies",
        "Salford City Council,2018-04-03,2,600.00,100.00,500.00,Road Co Ltd,Place Directorate,Road Repairs",
        ",,,,,,,,,#N/A",
        "Salford City Council,,3,600.00,100.00,500.00,Acme Care Ltd,Children's Services,Payts to Agencies",
        "Trafford Council,2018-04-05,4,600.00,100.00,500.00,Acme Care Ltd,Children's Services,Payts to Agencies",
      ].join("\r\n"),
      "b.csv": [
        "ï»¿Authority Name,Date of Payment,DocumentNo,Gross,VAT,Net,Vendor Name,Service Area,GL Description",
        'Salford City Council,2021-03-31,9,"1,080.00",180.00,"900.00",Fostering People Ltd,People (Childrens) Service Group,Pmnts Privt Provider',
      ].join("\r\n"),
    });
    const run = await runIngesters(dir, [salfordSpendIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["a.csv", 5, 1, 4],
        ["b.csv", 1, 1, 0],
      ]);
      expect(run.rejects.map((r) => [r.line, r.reason])).toEqual([
        [4, `${OUT_OF_SCOPE}: directorate 'Place Directorate'`],
        [5, "no payment in the row (no date, amount or supplier)"],
        [6, "payment date '' is not a date"],
        [7, "authority 'Trafford Council' is not Salford City Council"],
      ]);
      const rows = await queryRows(
        run.connection,
        "SELECT source_line l, period, year, la_code, supplier_name, service_line, amount_gbp FROM spend ORDER BY source_file",
      );
      expect(rows).toEqual([
        {
          l: 3,
          period: "2018-04",
          year: 2019,
          la_code: "355",
          supplier_name: "Acme Care Ltd",
          service_line: "Payts to Agencies",
          amount_gbp: 1000,
        },
        {
          l: 2,
          period: "2021-03",
          year: 2021,
          la_code: "355",
          supplier_name: "Fostering People Ltd",
          service_line: "Pmnts Privt Provider",
          amount_gbp: 900,
        },
      ]);
    } finally {
      await run.close();
    }
  });

  it("Wakefield: 2018 header spellings, registry placeholders NULL, a card list rejected row by row", async () => {
    const header =
      "Organisation Name,Organisation Code,Effective Date,Directorate,Service (Sercop),SERCOP URI,Supplier Name,Supplier ID,Company Registraation Number,Charity Registration Number,VCSE Grant,Payment Date,Transaction No,Seq No,Amount,Irrecoverable VAT,Purpose of Spend,Type,Procurement Classification,Class Code,Procurement Classification,Class Code,Thomson Classification,Thomson Desc.,Contract";
    const line = (dir: string, supplier: string, company: string, charity: string, amount: string) =>
      `Wakefield MDC,E08000036,2018-12-31,${dir},4,Children's and Education Services,${supplier},1,${company},${charity},,2018-11-02,1,1,${amount},0,Payments to Independent Fostering Agencies,Revenue,A,1,B,2,C,D,Not yet available`;
    const dir = await fixture({
      "2018-Q3.csv": [
        header,
        line("CHILDYOU", "Foster Care Charity", "Not yet available", "1234567", "2500.00"),
        line("CHILDYOU", "Acme Fostering Ltd", "01234567", "N/A", "3100.10"),
        line("CHILDYOU", "Somebody", "DETAILS REDACTED", "EXEMPT", "x"),
        line("ADULTS", "Acme Care Ltd", "01234567", "N/A", "900"),
        "",
      ].join("\n"),
      "2021-Q4.csv": [
        "Organisation Name,Organisation Code,Effective Date,Service,Bvacopse,Bvacopse(T),Supplier Name,Purpose Of Spend,Type,TransNo,Seq No,Payment Date,Net Amount,Irrecoverable VAT,Merchant Category,TT,Contract",
        "Wakefield WMDC,E08000036,2022-03-31,CHILDYOU,4,Children's and Education Services,A Shop,Equipment,Revenue,1,1,2022-01-17,8.32,Nil,RETAIL STORES,GPC,Not yet available",
      ].join("\n"),
    });
    const run = await runIngesters(dir, [wakefieldSpendIngester]);
    try {
      expect(run.stats.map((s) => [s.file, s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([
        ["2018-Q3.csv", 4, 2, 2],
        ["2021-Q4.csv", 1, 0, 1],
      ]);
      expect(run.rejects.map((r) => [r.file, r.line, r.reason])).toEqual([
        ["2018-Q3.csv", 4, "net amount 'x' is not a number"],
        ["2018-Q3.csv", 5, `${OUT_OF_SCOPE}: directorate 'ADULTS'`],
        ["2021-Q4.csv", 2, "purchasing-card transaction (procurement-card list, not the spend-over-£500 ledger)"],
      ]);
      const rows = await queryRows(
        run.connection,
        `SELECT supplier_name, supplier_company_number co, supplier_charity_number ch, period, year, la_code,
                service, amount_gbp FROM spend ORDER BY source_line`,
      );
      expect(rows).toEqual([
        {
          supplier_name: "Foster Care Charity",
          co: null,
          ch: "1234567",
          period: "2018-11",
          year: 2019,
          la_code: "384",
          service: "fostering",
          amount_gbp: 2500,
        },
        {
          supplier_name: "Acme Fostering Ltd",
          co: "01234567",
          ch: null,
          period: "2018-11",
          year: 2019,
          la_code: "384",
          service: "fostering",
          amount_gbp: 3100.1,
        },
      ]);
    } finally {
      await run.close();
    }
  });

  it("fails a file whose malformed rows pass 2% and ten lines (a changed layout), naming the commonest", async () => {
    const line = (i: number, net: string) =>
      `Salford City Council,2020-01-${String(1 + (i % 28)).padStart(2, "0")},${i},10,0,${net},A Ltd,Children's Services,Fees`;
    const header =
      "Authority Name,Date of Payment,SAP Document Number,Gross,VAT,Net,Supplier Name,Directorate,G/L Description";
    const dir = await fixture({
      "ten-bad.csv": [header, ...Array.from({ length: 40 }, (_, i) => line(i, i < 10 ? "ten" : "10"))].join("\n"),
    });
    const run = await runIngesters(dir, [salfordSpendIngester]);
    try {
      expect(run.stats.map((s) => [s.rowsRead, s.rowsKept, s.rowsRejected])).toEqual([[40, 30, 10]]);
    } finally {
      await run.close();
    }
    const worse = await fixture({
      "eleven-bad.csv": [header, ...Array.from({ length: 40 }, (_, i) => line(i, i < 11 ? "ten" : "10"))].join("\n"),
    });
    await expect(runIngesters(worse, [salfordSpendIngester])).rejects.toThrow(
      /^eleven-bad\.csv: 11 of 40 rows malformed .*net amount 'ten' is not a number$/,
    );
  });
});
