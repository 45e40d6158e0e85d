/**
 * The warehouse tables, each declared once as data: column name, DuckDB type, nullability and
 * a one-line meaning. The DDL (warehouse-ddl.ts), the row types below, the table writer's
 * column check and the column reference in docs/warehouse.md are all derived from this, so a
 * column cannot exist in one and be missing from another. Server-only (`@lens/core/schema`):
 * the web app never needs the tables' shape.
 */

/** The DuckDB types the warehouse uses, with the TypeScript value a writer hands over. */
export interface ColumnTypes {
  VARCHAR: string;
  INTEGER: number;
  DOUBLE: number;
  BOOLEAN: boolean;
  /** ISO date string; DuckDB casts on append. */
  DATE: string;
  /** ISO timestamp string. */
  TIMESTAMP: string;
}
export type ColumnType = keyof ColumnTypes;

export interface ColumnSpec<
  T extends ColumnType = ColumnType,
  N extends boolean = boolean,
  D extends boolean | undefined = boolean | undefined,
> {
  readonly type: T;
  readonly nullable: N;
  readonly primaryKey: boolean;
  /** The DDL default; the row type lets a writer leave a defaulted NOT NULL column out. */
  readonly default?: D;
  readonly doc: string;
}

export interface TableSpec<C extends Record<string, ColumnSpec> = Record<string, ColumnSpec>> {
  readonly name: string;
  readonly doc: string;
  readonly columns: C;
}

function nullable<T extends ColumnType>(type: T, doc: string): ColumnSpec<T, true, undefined> {
  return { type, nullable: true, primaryKey: false, doc };
}

function required<T extends ColumnType>(type: T, doc: string): ColumnSpec<T, false, undefined> {
  return { type, nullable: false, primaryKey: false, doc };
}

/** NOT NULL with a DDL default, so a writer may leave it out. */
function defaulted<T extends ColumnType>(type: T, doc: string, value: boolean): ColumnSpec<T, false, boolean> {
  return { type, nullable: false, primaryKey: false, doc, default: value };
}

function key<T extends ColumnType>(type: T, doc: string): ColumnSpec<T, false, undefined> {
  return { type, nullable: false, primaryKey: true, doc };
}

function table<const C extends Record<string, ColumnSpec>>(name: string, doc: string, columns: C): TableSpec<C> {
  return { name, doc, columns };
}

export const WAREHOUSE_TABLES = {
  local_authorities: table("local_authorities", "the 153 councils with children's services duties", {
    la_code: key("VARCHAR", "DfE 3-digit code (primary key)"),
    ons_code: required("VARCHAR", "ONS 9-character code (current boundaries)"),
    name: required("VARCHAR", "council name as ONS writes it"),
    region: required("VARCHAR", "English region"),
    la_type: required("VARCHAR", "County, Unitary Authority, Metropolitan District or London Borough"),
  }),
  statistical_neighbours: table("statistical_neighbours", "10 statistical neighbours per council", {
    la_code: required("VARCHAR", "DfE 3-digit code of the council"),
    neighbour_la_code: required(
      "VARCHAR",
      "DfE code of one of its statistical neighbours (may be an abolished council's)",
    ),
    rank: required("INTEGER", "1 = nearest, as published in the lookup"),
  }),
  provider_snapshots: table("provider_snapshots", 'one row per provider per Ofsted "as at" file', {
    snapshot_date: required(
      "DATE",
      '"as at" date from the file name (`provider_at_march_YYYY`, `providers_at_sept_2014`) or title line',
    ),
    year: required("INTEGER", "year of the snapshot date"),
    urn: required("VARCHAR", "Ofsted URN, text (`SC123456` or 7 digits)"),
    provision_type: nullable("VARCHAR", "one spelling per type, sentence case (`Children's home`"),
    sector: nullable("VARCHAR", "`Local Authority`, `Private`, `Voluntary`, `Health Authority` (one spelling each)"),
    sector_original: nullable("VARCHAR", "the sector as written in the file"),
    la_code: nullable(
      "VARCHAR",
      "DfE code of the council the provider is located in (not the placing council), via `councilCodeForName` + aliases",
    ),
    la_name_original: nullable("VARCHAR", "the council name as written in the file"),
    places: nullable(
      "INTEGER",
      "registered places; NULL where the type has none, where the file has no column (2015) and for Sep 2014's one fractional value `110.8` …",
    ),
    registration_status: nullable("VARCHAR", "`Active` / `Suspended` (from 2020)"),
    overall_rating: nullable(
      "VARCHAR",
      "latest full-inspection overall judgement (`Outstanding`, `Good`, `Requires improvement to be good`, `Inadequate`)",
    ),
    overall_rating_original: nullable("VARCHAR", "the judgement as written in the file"),
    inspection_date: nullable("DATE", "date of the latest inspection event"),
    owner_name: nullable(
      "VARCHAR",
      "`Organisation which owns the provider` / `Organisation` / `Organisation name` (2018 onwards), free text, not de-duplicated",
    ),
    covers_all_registered: required(
      "BOOLEAN",
      "true when the file lists every registered provider (Sep 2014, 2018 part 2, 2021, 2022, 2025, sample)",
    ),
    provision_type_original: nullable("VARCHAR", "as in the file"),
    supported_accommodation_outcome: nullable(
      "VARCHAR",
      "2025 only: the SA outcome (`Consistently strong service delivery`, …)",
    ),
    is_supplementary: defaulted(
      "BOOLEAN",
      "true for `provider_at_march_2018_part2.csv`, the register that shares 31 March 2018 with the judged file: for any per-date count filter …",
      false,
    ),
    inspection_event_type: nullable(
      "VARCHAR",
      "type of that latest event (`Full inspection`, or `Monitoring inspection`)",
    ),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  inspections: table("inspections", "one row per Ofsted inspection event", {
    urn: required("VARCHAR", "Ofsted URN, text (`SC123456` or 7 digits)"),
    inspection_date: nullable("DATE", "date of the inspection event"),
    inspection_type: nullable("VARCHAR", "the event type as the file writes it (full, interim, monitoring …)"),
    overall_rating: nullable(
      "VARCHAR",
      "latest full-inspection overall judgement (`Outstanding`, `Good`, `Requires improvement to be good`, `Inadequate`)",
    ),
    overall_rating_original: nullable("VARCHAR", "the judgement as written in the file"),
    provision_type: nullable("VARCHAR", "one spelling per type, sentence case (`Children's home`"),
    sector: nullable("VARCHAR", "`Local Authority`, `Private`, `Voluntary`, `Health Authority` (one spelling each)"),
    la_code: nullable("VARCHAR", "DfE 3-digit code of the council the provider is located in"),
    year: nullable("INTEGER", "year the inspection falls in (years ending 31 March)"),
    event_number: nullable("VARCHAR", "Ofsted's event number, when the file gives one"),
    registration_status: nullable("VARCHAR", "`Active` / `Suspended` (from 2020)"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  joiners_leavers: table("joiners_leavers", "providers registering and de-registering, per year ending 31 March", {
    urn: required("VARCHAR", "Ofsted URN, text (`SC123456` or 7 digits)"),
    event: required("VARCHAR", "`joiner` or `leaver`"),
    event_date: nullable("DATE", "date the provider registered or de-registered"),
    provision_type: nullable("VARCHAR", "one spelling per type, sentence case (`Children's home`"),
    sector: nullable("VARCHAR", "`Local Authority`, `Private`, `Voluntary`, `Health Authority` (one spelling each)"),
    la_code: nullable("VARCHAR", "DfE 3-digit code of the council the provider is located in"),
    places: nullable(
      "INTEGER",
      "registered places; NULL where the type has none, where the file has no column (2015) and for Sep 2014's one fractional value `110.8` …",
    ),
    year: nullable("INTEGER", "year ending 31 March in which the event falls"),
    registration_status: nullable("VARCHAR", "`Active` / `Suspended` (from 2020)"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  ilacs: table("ilacs", "latest ILACS judgement per council", {
    la_code: required("VARCHAR", "DfE 3-digit code of the council"),
    overall_rating: nullable(
      "VARCHAR",
      "latest full-inspection overall judgement (`Outstanding`, `Good`, `Requires improvement to be good`, `Inadequate`)",
    ),
    inspection_date: nullable("DATE", "last day of the inspection"),
    publication_date: nullable("DATE", "date Ofsted published the report"),
    overall_rating_original: nullable("VARCHAR", "the judgement as written in the file"),
    inspection_start_date: nullable("DATE", "first day of the inspection"),
    inspection_framework: nullable("VARCHAR", "the ILACS framework the judgement was made under"),
    impact_of_leaders_rating: nullable("VARCHAR", "sub-judgement: impact of leaders on social work practice"),
    help_and_protection_rating: nullable(
      "VARCHAR",
      "sub-judgement: experiences and progress of children who need help and protection",
    ),
    in_care_rating: nullable("VARCHAR", "sub-judgement: experiences and progress of children in care"),
    care_leavers_rating: nullable("VARCHAR", "sub-judgement: experiences and progress of care leavers"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  contracts: table("contracts", "one row per supplier of an award, per tender, or per register entry", {
    contract_id: key("VARCHAR", "stable id of the row: source, notice and supplier (primary key)"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    ocid: nullable("VARCHAR", "OCDS ocid; Spend Network's `ocds-b5fd17raw-` prefix restored to CF's `ocds-b5fd17-`"),
    stage: nullable("VARCHAR", "`award`, `tender` or `register` (what one row is)"),
    buyer_name: nullable("VARCHAR", "`buyer.name`, else the party with role buyer"),
    buyer_kind: nullable(
      "VARCHAR",
      "what the buyer is (core's `classifyBuyer`): `council` (one of the 153), `children's trust` (a council's children's services trust or …",
    ),
    la_code: nullable(
      "VARCHAR",
      'buyer name → DfE code: council spellings of every form in the real files ("… County Council – Children\'s Services", "Borough Council of …',
    ),
    title: nullable("VARCHAR", "notice title, entities decoded, trimmed"),
    description: nullable("VARCHAR", "notice description, entities decoded, trimmed"),
    cpv: nullable(
      "VARCHAR",
      "first CPV: `tender.classification`, else first item classification/additionalClassification, else award item",
    ),
    source_category: nullable(
      "VARCHAR",
      "the source's own category, as written: Norfolk's \"Procurement classification: Councils procurement category label\" (e.g. `Passenger …",
    ),
    contract_type: nullable(
      "VARCHAR",
      "the source's contract type, as written: Norfolk's `Contract type` (`Single award contract`, `Framework agreement`, `grant agreement`, …",
    ),
    service: nullable(
      "VARCHAR",
      "`residential care`, `fostering`, `family support`, `SEND and transport`, `short breaks`, `youth`, `care leavers`, `other` — from, in …",
    ),
    service_rule: nullable("VARCHAR", "the service rule id"),
    service_reason: nullable("VARCHAR", "the evidence that decided the service, in words"),
    procurement_method: nullable("VARCHAR", "procurement method as published"),
    procurement_method_detail: nullable("VARCHAR", "procurement method detail as published"),
    procedure_type: nullable(
      "VARCHAR",
      "`open`, `restricted`, `negotiated`, `direct award`, `framework call-off`, `grant`, `other`, `unknown` — from `procurement_method` and …",
    ),
    ojeu_advertised: nullable(
      "BOOLEAN",
      "registers only (Salford's `OJEU/FTS?`): advertised in the OJEU / Find a Tender",
    ),
    value_gbp: nullable(
      "DOUBLE",
      "award: `awards[].value.amount`. tender: `tender.value`, else the sum of lot values when every lot has one, else `tender.minValue` (CF …",
    ),
    value_is_shared: nullable(
      "BOOLEAN",
      "true when one award value covers several suppliers (the value is repeated on each supplier row, never split): sum per award, not per row",
    ),
    annual_value_gbp: nullable("DOUBLE", "value / (duration_months / 12), only when both are known and duration > 0"),
    start_date: nullable("DATE", "contract period start, as written"),
    end_date: nullable("DATE", "contract period end, as written"),
    duration_months: nullable("DOUBLE", "(end − start) days / 30.4375, one decimal"),
    initial_term_months: nullable("DOUBLE", "registers only: the stated initial term"),
    extension_option_months: nullable("DOUBLE", "registers only: the stated option to extend"),
    extensions_allowed: nullable("INTEGER", "registers only: how many extensions the contract allows"),
    extensions_taken: nullable("INTEGER", "registers only: extensions taken (0 when none are allowed)"),
    current_expiry_date: nullable("DATE", "registers only: the stated current expiry date"),
    award_date: nullable("DATE", "award date"),
    tender_published_date: nullable(
      "DATE",
      "`tender.datePublished`, else tender period start (release date for tender-stage rows)",
    ),
    tender_end_date: nullable("DATE", "tender period end"),
    number_of_tenderers: nullable("INTEGER", "FTS `bids.statistics` (measure `bids`) or `tender.numberOfTenderers`"),
    supplier_name: nullable(
      "VARCHAR",
      'as published; Lancashire\'s "NOT AWARDED TO SUPPLIER" → NULL; Lancashire comma-joined supplier lists kept as one string',
    ),
    supplier_company_number: nullable(
      "VARCHAR",
      "registry numbers the source gives for the supplier, as written (Norfolk's registered company and charity number columns",
    ),
    supplier_charity_number: nullable(
      "VARCHAR",
      "registry numbers the source gives for the supplier, as written (Norfolk's registered company and charity number columns",
    ),
    supplier_is_placeholder: nullable(
      "BOOLEAN",
      'true when the supplier field is not a supplier ("TBC", "Not awarded", "Various …", "N/A …", "Unknown", "Multiple suppliers", "See …',
    ),
    supplier_ownership: nullable("VARCHAR", "`for-profit`, `not-for-profit`, `public`, `unknown`"),
    ownership_rule: nullable("VARCHAR", "the ownership rule id (contracts and spend)"),
    ownership_reason: nullable("VARCHAR", "the ownership rule's evidence, in words, with its rule id (contracts)"),
    ownership_conflict: nullable(
      "VARCHAR",
      "set when a self-declared flag disagrees with the evidence that decided (\"the source flags it as VCSE, but trading name with 'cabs'\"), or …",
    ),
    supplier_is_sme: nullable(
      "BOOLEAN",
      "party `details.scale` (sme/micro/small/medium → true, large → false), else CF 1.0 `suppliers[].sme`",
    ),
    supplier_is_vcse: nullable("BOOLEAN", "party `details.vcse`, else CF 1.0 `suppliers[].vco`"),
    commissioning_model: nullable("VARCHAR", "`market-led`, `cooperative`, `in-house`, `unknown`"),
    model_reason: nullable("VARCHAR", "a sentence naming the rule and the evidence"),
    model_rule: nullable("VARCHAR", "the commissioning-model rule id"),
    year: nullable("INTEGER", "year of award date, else start date, else tender publication (release date)"),
    in_scope: nullable(
      "BOOLEAN",
      "English council buyer (`la_code` not NULL) and a children's notice by core's one scope definition (`childrensScope`, also the live …",
    ),
    scope_rule: nullable("VARCHAR", "the scope rule id (K0–K10)"),
    scope_reason: nullable("VARCHAR", "the evidence for the scope decision, in words"),
    value_flag: nullable(
      "VARCHAR",
      "NULL, or why the row's period or value cannot be right (the first that applies): `one-day placeholder period` (end at most a day after …",
    ),
    notice_url: nullable(
      "VARCHAR",
      "CF: the award/tender document URL, else `…/Notice/{guid}` from the release id or the 1.0 package `uri`",
    ),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  spend: table("spend", "councils' spending on children's services: s251 outturn lines and ledger payments", {
    la_code: nullable("VARCHAR", "DfE 3-digit code as in the return"),
    period: required("VARCHAR", "financial year `2013-14`"),
    year: required("INTEGER", "year in which the financial year ends (2013-14 → 2014)"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    service_line: nullable(
      "VARCHAR",
      "the line description with its leading line number, line breaks, tabs and NBSPs removed (`6 Residential care` → `Residential care`)",
    ),
    service: nullable(
      "VARCHAR",
      "Lens service where the line clearly fits (residential care incl. secure welfare, fostering, short breaks, leaving care → care leavers, …",
    ),
    service_rule: nullable("VARCHAR", "the service rule id"),
    service_reason: nullable("VARCHAR", "the evidence that decided the service, in words"),
    provider_ownership: nullable(
      "VARCHAR",
      "`own`, `private`, `other public`, `voluntary`. 2008-09 has no own-provision column: its `PUBLIC (z)` = own + other public, stored as `own …",
    ),
    supplier_name: nullable("VARCHAR", "as published, including the literal `REDACTED UNDER DP ACT` (individuals)"),
    supplier_category: nullable(
      "VARCHAR",
      "the ledger's `Creditor Type` (LTD, EY, BUSN, INDV, CHTY, WGA, CIC, …): evidence for the classification step",
    ),
    supplier_company_number: nullable(
      "VARCHAR",
      "registry numbers the source gives for the supplier, as written (Norfolk's registered company and charity number columns",
    ),
    supplier_charity_number: nullable(
      "VARCHAR",
      "registry numbers the source gives for the supplier, as written (Norfolk's registered company and charity number columns",
    ),
    arrangement: nullable("VARCHAR", "the ledger's arrangement or payment type, as written"),
    supplier_ownership: nullable("VARCHAR", "`for-profit`, `not-for-profit`, `public`, `unknown`"),
    ownership_rule: nullable("VARCHAR", "the ownership rule id (contracts and spend)"),
    ownership_conflict: nullable(
      "VARCHAR",
      "set when a self-declared flag disagrees with the evidence that decided (\"the source flags it as VCSE, but trading name with 'cabs'\"), or …",
    ),
    delivered_by: nullable(
      "VARCHAR",
      "the children's services trust or council company that delivered the council's children's services in that financial year (reference facts …",
    ),
    amount_gbp: nullable("DOUBLE", "gross expenditure in that ownership column (before income)"),
    is_derived: defaulted(
      "BOOLEAN",
      "true for rows derived from other published figures, not read from a source row",
      false,
    ),
    commissioning_model: nullable("VARCHAR", "`market-led`, `cooperative`, `in-house`, `unknown`"),
    model_reason: nullable("VARCHAR", "a sentence naming the rule and the evidence"),
    model_rule: nullable("VARCHAR", "the commissioning-model rule id"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  cla_placements: table("cla_placements", "children looked after by placement provider", {
    la_code: nullable("VARCHAR", "DfE 3-digit code of the responsible council"),
    year: required("INTEGER", "the year of the 31 March snapshot (`CLA_Mar2017` → 2017"),
    provider: required("VARCHAR", "`own` (the council's own provision), `other LA`, `other public` (e.g"),
    placement_type: nullable("VARCHAR", "NULL = all placement types"),
    children: nullable(
      "INTEGER",
      "the count; NULL when the cell is suppressed, not applicable or blank — never 0 for a missing value (a 0 is a published zero).",
    ),
    marker: nullable("VARCHAR", "the DfE marker when `children` is NULL: `x` (SFR: 1–5 or secondary suppression"),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  council_indicators: table("council_indicators", "outcomes for children, by council (published figures)", {
    indicator: required(
      "VARCHAR",
      "a Lens indicator id (the metric of the same id reads it: `cla_three_plus_placements`, `cla_same_carer_2y`, …",
    ),
    year: required("INTEGER", "the file's `time_period`: 31 March of that year (children looked after, FOI)"),
    geographic_level: required(
      "VARCHAR",
      "`england`, `region` (the nine English regions, names as in `local_authorities`), `sub-region` (Inner and Outer London, E13…: halves of …",
    ),
    la_code: nullable("VARCHAR", "DfE 3-digit code (council rows only)"),
    region_code: nullable("VARCHAR", "region code as in the file"),
    region_name: nullable("VARCHAR", "region name as in the file"),
    breakdown: nullable(
      "VARCHAR",
      'the file\'s sub-group: the `cla_group` text (placement stability, new placements) or the age band without "Aged"/"years" (`17 to 18`, `19 …',
    ),
    measure: required("VARCHAR", "what the row measures, in the file's words"),
    value: nullable("DOUBLE", "Lens's value: a share 0–1 for rates and percentages, a count for `homes_net_gain`"),
    numerator: nullable("DOUBLE", "the count behind `value` above the line"),
    denominator: nullable("DOUBLE", "the count behind `value` below the line"),
    published_value: nullable(
      "DOUBLE",
      "the file's own figure for the row as written: DfE's whole-number percentage, the workforce rate in percent, the FOI count or percentage",
    ),
    marker: nullable(
      "VARCHAR",
      "the DfE marker that leaves `value` unknown: `c` (confidential, small numbers), `z` (not applicable), `x`, `u` (low reliability), `low`, …",
    ),
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    source_line: nullable("INTEGER", "1-based physical line where the record starts (spreadsheet row for workbooks)"),
  }),
  build_info: table("build_info", "one row per build setting", {
    key: key("VARCHAR", "setting name (`built_at`, `is_sample`, `schema_version`, …; primary key)"),
    value: nullable("VARCHAR", "its value, as text"),
  }),
  build_log: table("build_log", "one row per source file read", {
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: nullable("VARCHAR", "path of the source file, relative to the sources folder"),
    checksum: nullable("VARCHAR", "SHA-256 of the file"),
    rows_read: required("INTEGER", "records read from the file"),
    rows_kept: required("INTEGER", "records written to a table"),
    rows_rejected: required("INTEGER", "records written to `rejects` instead (read = kept + rejected)"),
    ruleset_version: nullable("VARCHAR", "version of the classification rules the build used"),
    duration_ms: nullable("INTEGER", "time the whole source took to read"),
    built_at: required("TIMESTAMP", "when the build ran"),
  }),
  rejects: table("rejects", "every source row not kept, and why", {
    source: required("VARCHAR", "source id from the source catalogue (`sample` for the generated sample)"),
    source_file: required("VARCHAR", "path of the source file, relative to the sources folder"),
    line: nullable("INTEGER", "1-based line (or spreadsheet row) of the rejected record"),
    reason: required("VARCHAR", "why it was not kept, naming the value that failed"),
  }),
  supplier_owner_links: table(
    "supplier_owner_links",
    "suppliers linked to Ofsted owners, one row per supplier name × owner name (linkage step)",
    {
      supplier_name: required("VARCHAR", "as written on the contract or payment (join key)"),
      supplier_company_number: nullable("VARCHAR", "the registry numbers any row of that name carries"),
      supplier_charity_number: nullable("VARCHAR", "the registry numbers any row of that name carries"),
      supplier_is_placeholder: required("BOOLEAN", '"TBC", "Various" … — not a supplier, never linked'),
      confidence: required(
        "VARCHAR",
        "`company-number` (a number the source gives is the one Ofsted appends to an owner's name), `exact-normalised` (equal after folding case, …",
      ),
      owner_name: nullable("VARCHAR", 'Ofsted\'s "Organisation which owns the provider", one row per spelling'),
      owner_key: nullable("VARCHAR", "the owner's comparison key (all spellings of one owner share it)"),
      owner_group: nullable(
        "VARCHAR",
        "the group the link reads through: the stem for `stem-group` links and for owners that belong to a stem group, else `owner_key`",
      ),
      reason: required("VARCHAR", "the match in words, naming both names (or the number)"),
    },
  ),
  owner_groups: table(
    "owner_groups",
    "every Ofsted owner spelling with its comparison key and owner group (linkage step)",
    {
      owner_name: required("VARCHAR", 'Ofsted\'s "Organisation which owns the provider", one row per spelling'),
      owner_key: required("VARCHAR", "the owner's comparison key (all spellings of one owner share it)"),
      owner_group: required(
        "VARCHAR",
        "the group the link reads through: the stem for `stem-group` links and for owners that belong to a stem group, else `owner_key`",
      ),
    },
  ),
} as const;

export type WarehouseTables = typeof WAREHOUSE_TABLES;
export type TableName = keyof WarehouseTables;

type Columns<T extends TableName> = WarehouseTables[T]["columns"];
type ValueOf<S> = S extends ColumnSpec<infer T> ? ColumnTypes[T] : never;
type RequiredKeys<C> = { [K in keyof C]: C[K] extends { nullable: false; default?: undefined } ? K : never }[keyof C];

/** Flattens an intersection into one object type (readable hovers, exact type tests). */
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/**
 * One row as a writer hands it over: NOT NULL columns without a default are required, the
 * rest may be left out (NULL, or the column's default) or be null.
 */
export type WarehouseRow<T extends TableName> = Simplify<
  {
    [K in RequiredKeys<Columns<T>>]: ValueOf<Columns<T>[K]>;
  } & {
    [K in Exclude<keyof Columns<T>, RequiredKeys<Columns<T>>>]?: ValueOf<Columns<T>[K]> | null;
  }
>;

export function isTableName(name: string): name is TableName {
  return Object.hasOwn(WAREHOUSE_TABLES, name);
}

/** The declared column names of `table`, in table order. */
export function columnNames(table: TableName): readonly string[] {
  return Object.keys(WAREHOUSE_TABLES[table].columns);
}
