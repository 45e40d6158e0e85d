/**
 * Controlled vocabularies shared by the warehouse, the API and the web app. Each entry has
 * one fixed colour so a commissioning model or sector looks the same on every chart
 * (Okabe–Ito palette: distinguishable with the common forms of colour blindness).
 */

export const COMMISSIONING_MODELS = ["market-led", "cooperative", "in-house", "unknown"] as const;
export type CommissioningModel = (typeof COMMISSIONING_MODELS)[number];

export const MODEL_INFO: Record<CommissioningModel, { label: string; colour: string; description: string }> = {
  "market-led": {
    label: "Market-led",
    colour: "#D55E00",
    description:
      "Competitive tender, framework call-off, spot purchase or single tender action awarded to a for-profit provider.",
  },
  cooperative: {
    label: "Cooperative",
    colour: "#0072B2",
    description:
      "Grants, partnerships and alliances, public–public co-operation, reserved contracts, or awards to not-for-profit and public bodies.",
  },
  "in-house": {
    label: "In-house",
    colour: "#009E73",
    description: "Provided by the council itself or by a company it wholly owns.",
  },
  unknown: {
    label: "Unknown",
    colour: "#8C8C8C",
    description: "The evidence is missing or contradictory; counted and shown, never dropped.",
  },
};

export const SUPPLIER_OWNERSHIPS = ["for-profit", "not-for-profit", "public", "unknown"] as const;
export type SupplierOwnership = (typeof SUPPLIER_OWNERSHIPS)[number];

export const OWNERSHIP_INFO: Record<SupplierOwnership, { label: string; colour: string }> = {
  "for-profit": { label: "For-profit", colour: "#D55E00" },
  "not-for-profit": { label: "Not-for-profit", colour: "#0072B2" },
  public: { label: "Public", colour: "#009E73" },
  unknown: { label: "Unknown", colour: "#8C8C8C" },
};

/** Ofsted provider sector, normalised (case, trailing spaces, one-off spellings). */
export const SECTORS = ["Local Authority", "Private", "Voluntary", "Health Authority", "Academy"] as const;
export type Sector = (typeof SECTORS)[number];

/** Ofsted's sector spellings across vintages (keys: lower case, spaces collapsed). */
const SECTOR_SPELLINGS: Readonly<Record<string, Sector | null>> = {
  "local authority": "Local Authority",
  private: "Private",
  voluntary: "Voluntary",
  "health authority": "Health Authority",
  academy: "Academy",
  // One row (2018, CAFCASS, a non-departmental public body): neither a council nor a health
  // body, so it stays unclassified (NULL) with the original kept rather than forced into one.
  "public sector": null,
};

/**
 * The one reading of an Ofsted sector: a sector, null (blank or deliberately unclassified, as
 * "Public sector" is), or undefined (a spelling never seen: the ingest rejects the row).
 */
export function normaliseSector(raw: string | null): Sector | null | undefined {
  if (raw === null) return null;
  const key = raw.replace(/\s+/g, " ").trim().toLowerCase();
  return key in SECTOR_SPELLINGS ? SECTOR_SPELLINGS[key] : undefined;
}

export const SECTOR_INFO: Record<Sector, { label: string; colour: string }> = {
  "Local Authority": { label: "Local authority", colour: "#009E73" },
  Private: { label: "Private", colour: "#D55E00" },
  Voluntary: { label: "Voluntary", colour: "#0072B2" },
  "Health Authority": { label: "Health authority", colour: "#CC79A7" },
  Academy: { label: "Academy", colour: "#E69F00" },
};

/** Spend lines by ownership of the provider (s251 columns, ledger categories). */
export const SPEND_OWNERSHIPS = ["own", "private", "voluntary", "other public"] as const;
export type SpendOwnership = (typeof SPEND_OWNERSHIPS)[number];

export const RATINGS = ["Outstanding", "Good", "Requires improvement", "Inadequate"] as const;
export type Rating = (typeof RATINGS)[number];

export const RATING_INFO: Record<Rating, { colour: string }> = {
  Outstanding: { colour: "#1B7837" },
  Good: { colour: "#7FBF7B" },
  "Requires improvement": { colour: "#E6AB02" },
  Inadequate: { colour: "#B2182B" },
};

/** Procedure types, normalised from OCDS procurementMethod / procurementMethodDetails and register fields. */
export const PROCEDURE_TYPES = [
  "open",
  "restricted",
  "negotiated",
  "direct award",
  "framework call-off",
  "grant",
  "other",
  "unknown",
] as const;
export type ProcedureType = (typeof PROCEDURE_TYPES)[number];

/** A palette of its own (Paul Tol's muted scheme), so a procedure is never mistaken for a model. */
export const PROCEDURE_INFO: Record<ProcedureType, { label: string; colour: string }> = {
  open: { label: "Open", colour: "#332288" },
  restricted: { label: "Restricted", colour: "#88CCEE" },
  negotiated: { label: "Negotiated", colour: "#DDCC77" },
  "direct award": { label: "Direct award", colour: "#882255" },
  "framework call-off": { label: "Framework call-off", colour: "#AA4499" },
  grant: { label: "Grant", colour: "#44AA99" },
  other: { label: "Other", colour: "#999933" },
  unknown: { label: "Unknown", colour: "#BBBBBB" },
};

/** Service categories, assigned from CPV codes and titles. */
export const SERVICES = [
  "residential care",
  "fostering",
  "family support",
  "SEND and transport",
  "short breaks",
  "youth",
  "care leavers",
  "other",
] as const;
export type Service = (typeof SERVICES)[number];

export const SERVICE_INFO: Record<Service, { label: string }> = {
  "residential care": { label: "Residential care" },
  fostering: { label: "Fostering" },
  "family support": { label: "Family support" },
  "SEND and transport": { label: "SEND and transport" },
  "short breaks": { label: "Short breaks" },
  youth: { label: "Youth services" },
  "care leavers": { label: "Care leavers" },
  other: { label: "Other children's services" },
};
