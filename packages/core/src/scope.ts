/**
 * The one definition of "a children's-services notice", used by the live fetcher (to list
 * the processes it downloads as children's) and by the warehouse (contracts.in_scope): the
 * two must never disagree. Rules are data and run in order; the first that holds decides,
 * and its id and evidence become `scope_reason`.
 *
 * Order, and why:
 *  1. a source's own category and directorate (a register's) — the publisher filed it there —
 *     except early-education places (K11, education funding) and a broad ProClass
 *     "… - Children" category, which counts only after the checks in 2;
 *  2. notices that only look like children's services — works at a school, staff training and
 *     apprenticeships, adult-only services, public-health programmes — are out, because a
 *     children's word in them names the setting or the audience, not the service bought;
 *  3. a children's-services CPV code;
 *  4. a service word (the same word rules that decide `service`: fostering, children's homes,
 *     short breaks, SEND transport …) or a children word (children, young people, looked-after,
 *     care leavers, an age band such as "0-25 years") in the title or description; a bare
 *     "passenger transport" or "taxi" counts only beside a school, pupil or college word.
 * Deliberately broad on 3–4 (recall first); 2 holds back the false friends the labelled set
 * showed.
 */
import { SERVICE_RULES } from "./classification/service.js";
import { decodeHtmlEntities } from "./html-entities.js";

export interface ScopeEvidence {
  /** One CPV field ("85311300 85312000") or the codes of a release. */
  cpv?: string | readonly string[] | null;
  title?: string | null;
  description?: string | null;
  /** A register's own procurement category (Norfolk). */
  category?: string | null;
  /** A register's directorate (Norfolk's CHILDREN). */
  directorate?: string | null;
}

export interface ScopeDecision {
  childrens: boolean;
  /** Id of the deciding rule (scope rules are 'K…'). */
  rule: string;
  reason: string;
}

export interface ScopeCpvRule {
  code: string;
  match: "prefix" | "exact";
  why: string;
}

/**
 * Children's-services CPV codes. Left out on purpose: 80100000 (primary education: mostly
 * school building and running contracts), 85000000 / 85100000 (health and social work: NHS
 * buying); children's contracts coded that broadly are found by the word rules instead.
 */
export const CHILDREN_SCOPE_CPV: readonly ScopeCpvRule[] = [
  {
    code: "85300000",
    match: "exact",
    why: "social work and related services (parent code councils use for placements)",
  },
  {
    code: "8531",
    match: "prefix",
    why: "social work services with and without accommodation: 85311300 children's residential care, 85312110 child day-care, 85312120 day-care for disabled children, 85312400 welfare services",
  },
  {
    code: "8532",
    match: "prefix",
    why: "social services: 85320000 social services, 85321000 administrative social services, 85322000 community action programmes",
  },
  { code: "80340000", match: "exact", why: "special education services (SEND)" },
  {
    code: "60130000",
    match: "exact",
    why: "special-purpose road passenger transport (home-to-school and SEND transport)",
  },
  { code: "98133110", match: "exact", why: "services provided by youth associations" },
];

export function matchesScopeCpv(code: string, rules: readonly ScopeCpvRule[] = CHILDREN_SCOPE_CPV): boolean {
  return rules.some((rule) => (rule.match === "exact" ? code === rule.code : code.startsWith(rule.code)));
}

/** Register categories that are children's services (Norfolk's "Childrens services - …", education transport). */
const CHILDREN_CATEGORY = /^child\w* services?\b|^passenger transport\W*(education|childrens social care)/i;
/**
 * A broad ProClass category ("Social Community Care Supplies & Services - Children"): Salford
 * files its children's directorate's whole budget there, staff programmes, software and adult
 * projects included, so it counts only when the title and description are not one of the false
 * friends below (K1 after the K5–K7 checks).
 */
const BROAD_CHILDREN_CATEGORY = /\s-\s*children$/i;
/**
 * Early-education places (the funded entitlement paid to nurseries, pre-schools and playgroups)
 * are education funding, not a commissioned children's service: a definitional call written
 * in docs/methods.md.
 */
const EARLY_EDUCATION_CATEGORY = /^child\w* services?\W+(playgroups|nurseries|early (years|education))/i;
const EARLY_EDUCATION_TEXT =
  /\b(early education funding|funded early education|free early education|nursery education funding|(free|funded) (childcare|entitlement)|childcare entitlement|pre-?school (&|and) playgroup)\b/i;
/** Back-office categories: a children's directorate buying these is not buying a service for children. */
const BACK_OFFICE_CATEGORY =
  /^(fm|ict|hr|legal|staffing|vehicle|highways|waste)\b|^information communication technology|rent (&|and) rates|venue hire|subscriptions|exam fees|books, cds|auditors|research and evaluation|consultants|^schools - (professional|school meals)|emergency svces/i;

/** Adult, housing, health and public-health categories: out unless the children's directorate bought them. */
const ADULT_CATEGORY =
  /^adult|^healthcare$|^domiciliary care|^housing-related|^public health|^drug and alcohol|^carer support|^passenger transport\W*(adult|local bus|concessionary|community transport|park and ride|demand responsive)/i;

/** Works, supplies and staff purchases that mention a school or children only as the setting. */
/** A title that ends in "Training" buys training for staff ("travel training" for SEND pupils is a service). */
const STAFF_TRAINING_TITLE = /(?<!travel )\btraining\s*$/i;
const NOT_A_SERVICE_TITLE =
  /\b(recreation grounds?|bmx|skate ?parks?|multi-use games|consultancy (report|review)|traded services?|information systems?|case ?management systems?|attendance (monitoring|data)|data (analytics|collection)|electronic personal education plans?|e-?peps?|leadership development|healthwatch|volunteering|roofing|re-?roofing|refurbish\w*|construction|building works?|landscaping|demolition|extension works|installation of|gates?|fencing|boilers?|windows|heating|ventilation|playgrounds?|play areas?|fire risk assessments?|marketing services|apprentice(ship)?s?|apprentice levy|degree apprenticeships?|recruitment campaign|software|licen[cs]es?|catering equipment|furniture|cctv|asbestos|insurance|supply and delivery of|crowd management|works (at|to)|fire stopping|local bus services?)\b/i;
const ADULT_ONLY =
  /\b(adults? (aged )?(19|18) ?\+|aged 19 and over|19\+|adult (learning|education|social care|skills)|community learning|employment (and|&) skills|older (people|persons)|elderly|dementia|detox\w*|in-?patient|for adults\b|adults only|for an adult|adults? with (a )?(learning )?disabilit\w*|supported living|esol|english for speakers of other languages|entrepreneur\w*|employment support|employability|into employment|community renewal fund|victims (and survivors )?of domestic abuse|adults?'?s? (&|and) child\w*'?s? services|adults? aged 18 (years )?(plus|and over|\+)|aged 18 years (plus|and over)|self[- ]directed support|direct payments? support|traineeships?|parental learning|women'?s (project|centre|services?|support)|for women\b)\b/i;
const PUBLIC_HEALTH_PROGRAMME =
  /\b(healthy child programme|health visiting|school nursing|sexual health|contracepti\w*|genito-?urinary|smoking cessation|nhs health checks?)\b/i;
/** Professional services to the council: a children's lot of a legal framework buys advice, not a service. */
const PROFESSIONAL_SERVICE_TITLE = /\b(barristers?|solicitors?|legal (services|advice|framework)|counsel)\b/i;

/**
 * Transport words that alone do not make a children's contract: a council's whole
 * passenger-transport or taxi DPS serves adult and children's services alike (a definitional
 * call in docs/methods.md). With a school, pupil or college word beside them they do.
 */
const GENERIC_TRANSPORT_WORD = /^(passenger transport|taxis?)$/;
const EDUCATION_PLACE_WORD = /\b(schools?|academy|academies|colleges?|pupils?|students?|education|sixth form)\b/i;

/** Words that make it a children's service despite an adult or works word beside them. */
const CHILDREN_SERVICE_STRONG =
  /\b(children'?s (homes?|social care|services)|looked[- ]after children|care leavers?|fostering|short breaks|special educational needs|home[- ]to[- ]school)\b/i;

const CHILDREN_WORDS =
  /\b(child|children|childrens|children's|young (people|persons?)|youth|looked[- ]after|care leavers?|leaving care|special educational needs|disabled children|home[- ]to[- ]school|school transport|short breaks?|adolescen\w*|unaccompanied asylum|pupils?|early years|(0|5|11|13|14|16) ?(-|to) ?(18|19|25) (years|year olds))\b/i;
const SEND_ACRONYM = /\bSEND\b|\bSEN\b/;

export interface ScopeRule {
  id: string;
  childrens: boolean;
  description: string;
}

/** The scope rules as data, for classification_rules and the methods page. */
export const SCOPE_RULES: readonly ScopeRule[] = [
  {
    id: "K1",
    childrens: true,
    description:
      "The register's own category is a children's service or education transport (a broad ProClass '… - Children' category only after the K5–K7 checks find no false friend).",
  },
  {
    id: "K2",
    childrens: false,
    description: "The register's own category is a back-office purchase (buildings, ICT, HR, legal, consultants).",
  },
  {
    id: "K3",
    childrens: true,
    description: "The register files the row under the children's directorate (and the category is not back office).",
  },
  {
    id: "K4",
    childrens: false,
    description:
      "The register's own category is an adult, housing, health or public-health service, outside the children's directorate.",
  },
  {
    id: "K5",
    childrens: false,
    description:
      "Works, supplies or staff purchases that name a school or children only as the setting (roofing, building works, playgrounds, apprenticeships, software).",
  },
  {
    id: "K6",
    childrens: false,
    description: "An adult-only service (adults 19+, adult learning, employment and skills, older people, detox).",
  },
  {
    id: "K7",
    childrens: false,
    description:
      "A public-health programme (healthy child programme, sexual health, smoking cessation): health, not children's social care.",
  },
  {
    id: "K8",
    childrens: true,
    description: "A children's-services CPV code (8531…, 8532…, 85300000, 80340000, 60130000, 98133110).",
  },
  {
    id: "K9",
    childrens: true,
    description:
      "A service word in the title or description (the service word rules: fostering, children's homes, short breaks …).",
  },
  {
    id: "K10",
    childrens: true,
    description:
      "A children word in the title or description (children, young people, looked-after, care leavers, an age band).",
  },
  {
    id: "K11",
    childrens: false,
    description:
      "Early-education places (the funded nursery, pre-school and playgroup entitlement): education funding, not a commissioned children's service.",
  },
  { id: "K0", childrens: false, description: "No children's category, CPV code or word." },
];

function codesOf(cpv: ScopeEvidence["cpv"]): string[] {
  if (!cpv) return [];
  if (typeof cpv === "string") return cpv.match(/\d{8}/g) ?? [];
  return cpv.flatMap((c) => c.match(/\d{8}/g) ?? []);
}

/** The service word rules (their title form: the description form has the same patterns). */
const WORD_SERVICE_RULES = SERVICE_RULES.filter((r) => r.evidence === "title");

function serviceWord(text: string): string | null {
  const lower = text.toLowerCase();
  for (const rule of WORD_SERVICE_RULES) {
    if (rule.notIn?.test(lower)) continue;
    const m = rule.pattern.exec(lower);
    if (!m) continue;
    if (rule.unless) {
      const phrase = rule.unless.exec(lower);
      if (phrase && m.index >= phrase.index && m.index < phrase.index + phrase[0].length) continue;
    }
    return m[0];
  }
  return null;
}

const decided = (childrens: boolean, rule: string, reason: string): ScopeDecision => ({
  childrens,
  rule,
  reason: `${reason} → ${childrens ? "in scope" : "out of scope"} (rule ${rule})`,
});

export function childrensScope(evidence: ScopeEvidence): ScopeDecision {
  const category = evidence.category?.trim() ?? "";
  let broadChildrenCategory = false;
  if (category !== "") {
    if (EARLY_EDUCATION_CATEGORY.test(category))
      return decided(false, "K11", `register category '${category}' (early-education places)`);
    if (CHILDREN_CATEGORY.test(category)) return decided(true, "K1", `register category '${category}'`);
    broadChildrenCategory = BROAD_CHILDREN_CATEGORY.test(category);
    if (BACK_OFFICE_CATEGORY.test(category)) return decided(false, "K2", `register category '${category}'`);
    if (evidence.directorate?.trim().toUpperCase() === "CHILDREN")
      return decided(true, "K3", `children's directorate, category '${category}'`);
    if (!broadChildrenCategory && ADULT_CATEGORY.test(category))
      return decided(false, "K4", `register category '${category}'`);
  }
  // The C1 mojibake for "’" (U+0080 U+0099) is read as an apostrophe, for matching only.
  const title = evidence.title ? decodeHtmlEntities(evidence.title).replace(/\u0080\u0099/g, "'") : "";
  const description = evidence.description
    ? decodeHtmlEntities(evidence.description).replace(/\u0080\u0099/g, "'")
    : "";
  const text = `${title} ${description}`.replace(/\s+/g, " ");
  const professional = PROFESSIONAL_SERVICE_TITLE.exec(title);
  if (professional)
    return decided(false, "K5", `title word '${professional[0]}' (a professional service to the council)`);
  const strong = CHILDREN_SERVICE_STRONG.exec(title);
  if (!strong) {
    const early = EARLY_EDUCATION_TEXT.exec(text);
    if (early) return decided(false, "K11", `early-education wording '${early[0]}'`);
    const works = NOT_A_SERVICE_TITLE.exec(title) ?? STAFF_TRAINING_TITLE.exec(title);
    if (works) return decided(false, "K5", `title word '${works[0]}' (a purchase at a setting, not a service)`);
    const adult = ADULT_ONLY.exec(text);
    if (adult) return decided(false, "K6", `adult-only wording '${adult[0]}'`);
    const health = PUBLIC_HEALTH_PROGRAMME.exec(text);
    if (health) return decided(false, "K7", `public-health programme '${health[0]}'`);
  }
  if (broadChildrenCategory) return decided(true, "K1", `register category '${category}'`);
  const code = codesOf(evidence.cpv).find((c) => matchesScopeCpv(c));
  if (code) return decided(true, "K8", `CPV ${code}`);
  for (const t of [title, description]) {
    if (t === "") continue;
    const word = serviceWord(t);
    // A council's whole passenger-transport or taxi DPS is not a children's contract unless a
    // school, pupil or college word (or the SEND acronym) says whose transport it is.
    if (word && GENERIC_TRANSPORT_WORD.test(word) && !EDUCATION_PLACE_WORD.test(text) && !SEND_ACRONYM.test(text))
      continue;
    if (word) return decided(true, "K9", `service word '${word}'`);
  }
  const word = CHILDREN_WORDS.exec(text);
  if (word) return decided(true, "K10", `children word '${word[0]}'`);
  // The acronym only in mixed-case text: "PLEASE SEND" in capitals is a verb.
  for (const t of [title, description]) {
    const acronym = /[a-z]/.test(t) ? SEND_ACRONYM.exec(t) : null;
    if (acronym) return decided(true, "K10", `children word '${acronym[0]}'`);
  }
  return decided(false, "K0", "no children's category, CPV code or word");
}

/** Positional form for callers with only CPV and text. */
export function isChildrensNotice(cpv: string | null, title: string | null, description: string | null): boolean {
  return childrensScope({ cpv, title, description }).childrens;
}
