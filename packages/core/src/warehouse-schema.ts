/**
 * The warehouse schema: a public interface researchers query directly (documented column by
 * column in docs/warehouse.md). Unknown values are NULL, never 0. Every fact row keeps the
 * file and line it came from.
 */

/**
 * Bumped whenever a table or column is added, renamed or dropped (here or in a build step):
 * the API refuses a warehouse built with another version instead of failing query by query.
 * 2: service/scope/ownership rule columns, value_flag, exclusions.
 * 3: supplier_owner_links and owner_groups (the supplier ↔ Ofsted owner linkage build step).
 */
export const SCHEMA_VERSION = 3;

/**
 * Suppliers linked to Ofsted owners, one row per supplier name × owner name as written, and
 * every Ofsted owner spelling with its comparison key and owner group (filled by the
 * warehouse's linkage step after classification; docs/warehouse.md). Part of the schema
 * so that every warehouse, and every fixture built from SCHEMA_SQL, has it.
 */
export const SUPPLIER_OWNER_LINKS_SQL = `
CREATE OR REPLACE TABLE supplier_owner_links (
  supplier_name VARCHAR NOT NULL,
  supplier_company_number VARCHAR,
  supplier_charity_number VARCHAR,
  supplier_is_placeholder BOOLEAN NOT NULL,
  confidence VARCHAR NOT NULL,
  owner_name VARCHAR,
  owner_key VARCHAR,
  owner_group VARCHAR,
  reason VARCHAR NOT NULL
);
CREATE OR REPLACE TABLE owner_groups (
  owner_name VARCHAR NOT NULL,
  owner_key VARCHAR NOT NULL,
  owner_group VARCHAR NOT NULL
);
`;

export const SCHEMA_SQL = `
CREATE TABLE local_authorities (
  la_code VARCHAR PRIMARY KEY,
  ons_code VARCHAR NOT NULL,
  name VARCHAR NOT NULL,
  region VARCHAR NOT NULL,
  la_type VARCHAR NOT NULL
);

CREATE TABLE statistical_neighbours (
  la_code VARCHAR NOT NULL,
  neighbour_la_code VARCHAR NOT NULL,
  rank INTEGER NOT NULL
);

CREATE TABLE provider_snapshots (
  snapshot_date DATE NOT NULL,
  year INTEGER NOT NULL,
  urn VARCHAR NOT NULL,
  provision_type VARCHAR,
  sector VARCHAR,
  sector_original VARCHAR,
  la_code VARCHAR,
  la_name_original VARCHAR,
  places INTEGER,
  registration_status VARCHAR,
  overall_rating VARCHAR,
  overall_rating_original VARCHAR,
  inspection_date DATE,
  owner_name VARCHAR,
  covers_all_registered BOOLEAN NOT NULL,
  provision_type_original VARCHAR,
  supported_accommodation_outcome VARCHAR,
  is_supplementary BOOLEAN NOT NULL DEFAULT false,
  inspection_event_type VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE inspections (
  urn VARCHAR NOT NULL,
  inspection_date DATE,
  inspection_type VARCHAR,
  overall_rating VARCHAR,
  overall_rating_original VARCHAR,
  provision_type VARCHAR,
  sector VARCHAR,
  la_code VARCHAR,
  year INTEGER,
  event_number VARCHAR,
  registration_status VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE joiners_leavers (
  urn VARCHAR NOT NULL,
  event VARCHAR NOT NULL,
  event_date DATE,
  provision_type VARCHAR,
  sector VARCHAR,
  la_code VARCHAR,
  places INTEGER,
  year INTEGER,
  registration_status VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE ilacs (
  la_code VARCHAR NOT NULL,
  overall_rating VARCHAR,
  inspection_date DATE,
  publication_date DATE,
  overall_rating_original VARCHAR,
  inspection_start_date DATE,
  inspection_framework VARCHAR,
  impact_of_leaders_rating VARCHAR,
  help_and_protection_rating VARCHAR,
  in_care_rating VARCHAR,
  care_leavers_rating VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE contracts (
  contract_id VARCHAR PRIMARY KEY,
  source VARCHAR NOT NULL,
  ocid VARCHAR,
  stage VARCHAR,
  buyer_name VARCHAR,
  buyer_kind VARCHAR,
  la_code VARCHAR,
  title VARCHAR,
  description VARCHAR,
  cpv VARCHAR,
  source_category VARCHAR,
  contract_type VARCHAR,
  service VARCHAR,
  service_rule VARCHAR,
  service_reason VARCHAR,
  procurement_method VARCHAR,
  procurement_method_detail VARCHAR,
  procedure_type VARCHAR,
  ojeu_advertised BOOLEAN,
  value_gbp DOUBLE,
  value_is_shared BOOLEAN,
  annual_value_gbp DOUBLE,
  start_date DATE,
  end_date DATE,
  duration_months DOUBLE,
  initial_term_months DOUBLE,
  extension_option_months DOUBLE,
  extensions_allowed INTEGER,
  extensions_taken INTEGER,
  current_expiry_date DATE,
  award_date DATE,
  tender_published_date DATE,
  tender_end_date DATE,
  number_of_tenderers INTEGER,
  supplier_name VARCHAR,
  supplier_company_number VARCHAR,
  supplier_charity_number VARCHAR,
  supplier_is_placeholder BOOLEAN,
  supplier_ownership VARCHAR,
  ownership_rule VARCHAR,
  ownership_reason VARCHAR,
  ownership_conflict VARCHAR,
  supplier_is_sme BOOLEAN,
  supplier_is_vcse BOOLEAN,
  commissioning_model VARCHAR,
  model_reason VARCHAR,
  model_rule VARCHAR,
  year INTEGER,
  in_scope BOOLEAN,
  scope_rule VARCHAR,
  scope_reason VARCHAR,
  value_flag VARCHAR,
  notice_url VARCHAR,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE spend (
  la_code VARCHAR,
  period VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  source VARCHAR NOT NULL,
  service_line VARCHAR,
  service VARCHAR,
  service_rule VARCHAR,
  service_reason VARCHAR,
  provider_ownership VARCHAR,
  supplier_name VARCHAR,
  supplier_category VARCHAR,
  supplier_company_number VARCHAR,
  supplier_charity_number VARCHAR,
  arrangement VARCHAR,
  supplier_ownership VARCHAR,
  ownership_rule VARCHAR,
  ownership_conflict VARCHAR,
  delivered_by VARCHAR,
  amount_gbp DOUBLE,
  is_derived BOOLEAN NOT NULL DEFAULT false,
  commissioning_model VARCHAR,
  model_reason VARCHAR,
  model_rule VARCHAR,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE cla_placements (
  la_code VARCHAR,
  year INTEGER NOT NULL,
  provider VARCHAR NOT NULL,
  placement_type VARCHAR,
  children INTEGER,
  marker VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE council_indicators (
  indicator VARCHAR NOT NULL,
  year INTEGER NOT NULL,
  geographic_level VARCHAR NOT NULL,
  la_code VARCHAR,
  region_code VARCHAR,
  region_name VARCHAR,
  breakdown VARCHAR,
  measure VARCHAR NOT NULL,
  value DOUBLE,
  numerator DOUBLE,
  denominator DOUBLE,
  published_value DOUBLE,
  marker VARCHAR,
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  source_line INTEGER
);

CREATE TABLE build_info (
  key VARCHAR PRIMARY KEY,
  value VARCHAR
);

CREATE TABLE build_log (
  source VARCHAR NOT NULL,
  source_file VARCHAR,
  checksum VARCHAR,
  rows_read INTEGER NOT NULL,
  rows_kept INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  ruleset_version VARCHAR,
  duration_ms INTEGER,
  built_at TIMESTAMP NOT NULL
);

CREATE TABLE rejects (
  source VARCHAR NOT NULL,
  source_file VARCHAR NOT NULL,
  line INTEGER,
  reason VARCHAR NOT NULL
);
${SUPPLIER_OWNER_LINKS_SQL}`;

/** Tables whose row counts /api/health reports. */
export const MAIN_TABLES = [
  "local_authorities",
  "statistical_neighbours",
  "provider_snapshots",
  "inspections",
  "joiners_leavers",
  "contracts",
  "spend",
  "rejects",
] as const;
