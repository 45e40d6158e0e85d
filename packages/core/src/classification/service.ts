/**
 * Service category from all the evidence a row has, strongest first:
 *  1. the source's own category field (a register's procurement category, a ledger's expense
 *     type): the publisher filed the row under it, so it outranks any word in the title;
 *  2. CPV codes that name one service (special-purpose road transport, day care for disabled
 *     children);
 *  3. words in the title, then in the description, on word boundaries, with negative phrases
 *     that stop a match ("please send", "foster a culture", adult nursing beds);
 *  4. broad CPV codes (social work with accommodation, welfare services) only when the words
 *     say nothing, because councils file every kind of children's service under them.
 * The rules are data; the first that holds decides, and its id and the evidence are recorded
 * (service_rule, service_reason).
 */
import { decodeHtmlEntities } from "../html-entities.js";
import type { Service } from "../vocab.js";

export interface ServiceEvidence {
  /** The source's own category: a register's procurement category, a ledger's expense type. */
  category?: string | null;
  cpv?: string | null;
  title?: string | null;
  description?: string | null;
}

export interface ServiceResult {
  service: Service;
  /** Id of the rule that decided (SC…, SP…, ST…, SD…, SB…, SL…, SV0). */
  rule: string;
  /** The evidence in words, e.g. "category 'Childrens services - fostering'". */
  basis: string;
}

export type ServiceEvidenceKind = "category" | "cpv" | "title" | "description";

export interface ServiceRule {
  id: string;
  evidence: ServiceEvidenceKind;
  service: Service;
  /** Matched on the lower-cased, entity-decoded text (CPV rules: on each 8-digit code). */
  pattern: RegExp;
  /** A match inside any of these phrases does not count ("foster a culture"). */
  unless?: RegExp;
  /** The rule does not apply at all to a text that matches this (adult services). */
  notIn?: RegExp;
  /** Category rules only: a title word that narrows a broad category ("residential homes & schools"). */
  refine?: ReadonlyArray<{ id: string; pattern: RegExp; service: Service }>;
  description: string;
}

/** Adult services and verbs that reuse children's-service words; a word rule never fires inside them. */
const ADULT_CONTEXT =
  /\b(older (people|persons?)|elderly|dementia|adults? (social care|residential|nursing|care)|nursing (beds?|homes?|care)|care homes? for (older|adults))\b/;

const CATEGORY_RULES: readonly ServiceRule[] = [
  {
    id: "SC1",
    evidence: "category",
    service: "SEND and transport",
    pattern:
      /^passenger transport\W*(education|childrens social care|off bus ticket)|^home to school|^school transport/,
    description:
      "Register category is passenger transport for education (mainstream, special needs, post-16; travel passes) or children's social care.",
  },
  {
    id: "SC2",
    evidence: "category",
    service: "fostering",
    pattern: /^child\w* services?\W+fostering|\bfoster/,
    description: "Category names fostering (register 'Childrens services - fostering', ledger foster-care types).",
  },
  {
    id: "SC3",
    evidence: "category",
    service: "short breaks",
    pattern: /short ?breaks?|respite/,
    description: "Category names short breaks or respite.",
  },
  {
    id: "SC4",
    evidence: "category",
    service: "care leavers",
    pattern: /unregulated accommodation|leaving care|care leavers?|supported accom|^cl-|semi[- ]independ/,
    description: "Category names leaving care, unregulated or supported accommodation.",
  },
  {
    id: "SC5",
    evidence: "category",
    service: "SEND and transport",
    pattern: /non-residential schools|special (educational|school|needs)|independent special|\bsen\b|\bsend\b/,
    refine: [{ id: "SC5a", pattern: /\bpupil premium\b|\bvirtual school\b/, service: "other" }],
    description:
      "Category names special educational needs or independent day-school places (a looked-after pupil premium grant is 'other').",
  },
  {
    id: "SC6",
    evidence: "category",
    service: "residential care",
    pattern:
      /^child\w* services?\W+residential|residential (care|placements?)|secure accommodation|children'?s homes?|external placements|independent placements|^childcare residential/,
    refine: [
      {
        id: "SC6a",
        pattern: /\bschools?\b|\bspecial educational\b|\bsen\b|\bsend\b|\beducation\b/,
        service: "SEND and transport",
      },
    ],
    description:
      "Category names children's residential homes and schools or residential placements; a title naming a school or SEN makes it a special-school place (SC6a).",
  },
  {
    id: "SC7",
    evidence: "category",
    service: "family support",
    pattern:
      /family (& |and )?parenting|family support|family interventions|childrens centres|contact, therapy|\badoption\b|section 17|^s17\b/,
    description: "Category names family and parenting support, children's centres, contact and therapy, adoption.",
  },
  {
    id: "SC8",
    evidence: "category",
    service: "short breaks",
    pattern: /^child\w* services?\W+(positive )?activities/,
    refine: [{ id: "SC8a", pattern: /\byouth\b/, service: "youth" }],
    description:
      "Register category 'positive activities' / 'activities': short breaks and activities for disabled children, unless the title names youth work (SC8a).",
  },
  {
    id: "SC9",
    evidence: "category",
    service: "youth",
    pattern: /services for young people|\byouth\b|connexions|teenage pregnancy|substances? misuse/,
    description: "Category names youth services.",
  },
  {
    id: "SC10",
    evidence: "category",
    service: "other",
    pattern: /^child\w* services?\b/,
    refine: [{ id: "SC10a", pattern: /\bshort breaks?\b/, service: "short breaks" }],
    description:
      "Category is another children's service (playgroups and nurseries, CAMHS, social work practice, home nursing): in scope, no narrower service unless the title names short breaks (SC10a).",
  },
];

/** CPV codes that name one service: decide before words. */
const SPECIFIC_CPV_RULES: readonly ServiceRule[] = [
  {
    id: "SP1",
    evidence: "cpv",
    service: "short breaks",
    pattern: /^85312120/,
    description: "CPV 85312120 day-care services for handicapped children.",
  },
  {
    id: "SP2",
    evidence: "cpv",
    service: "SEND and transport",
    pattern: /^(60130|60120|60140)/,
    description: "CPV 60130000 special-purpose road passenger transport, 60120000 taxis, 60140000 non-scheduled.",
  },
  {
    id: "SP3",
    evidence: "cpv",
    service: "SEND and transport",
    pattern: /^8034/,
    description: "CPV 80340000 special education services.",
  },
];

/** CPV codes that cover many services: only when the words say nothing. */
const BROAD_CPV_RULES: readonly ServiceRule[] = [
  {
    id: "SB1",
    evidence: "cpv",
    service: "residential care",
    pattern: /^8531100/,
    description: "CPV 85311000 social work services with accommodation.",
  },
  {
    id: "SB2",
    evidence: "cpv",
    service: "family support",
    pattern: /^(85312110|853123|853124)/,
    description:
      "CPV 85312110 day-care for children, 85312300 guidance and counselling, 85312400 non-residential welfare.",
  },
];

/** Word rules, most specific first; each is tried on the title, then (as SD…) on the description. */
const WORD_RULES: ReadonlyArray<Omit<ServiceRule, "evidence" | "id"> & { key: string }> = [
  {
    key: "1",
    service: "short breaks",
    pattern:
      /\bshort[- ]?breaks?\b|\brespite\b|\b(activities|holiday provision|play ?schemes?|clubs?) for (disabled children|children with (a )?disabilit\w*)|\b(youth clubs?|clubs?|sports|trips|activities|holiday (provision|schemes?)|play ?schemes?)\b[^.]{0,60}\b(children|young people) with (a |complex )?(disabilit\w*|autism|autistic\w*|additional needs)/,
    notIn: ADULT_CONTEXT,
    description: "Short breaks or respite; activities and holiday provision for disabled children.",
  },
  {
    key: "2",
    service: "residential care",
    pattern:
      /\bchildren'?s homes?\b|\bresidential (care|placements?|provision|homes?|services?|frameworks?)\b|\bsecure (children'?s )?(home|accommodation|welfare)\b|\blooked[- ]after (children|provision)\b|\bplacements? for (children|looked)\b|\bspot placements?\b|\bemergency (residential )?placements?\b|\bexternal placements?\b|\bassessment unit\b|\bresidential (and|&) fostering\b/,
    notIn: ADULT_CONTEXT,
    description:
      "Children's homes, residential, secure and external placements (before fostering: 'Residential & Fostering Placements' are placements).",
  },
  {
    // Before the care-leavers age band: a youth justice service's "16-17" contract is youth work.
    key: "8",
    service: "youth",
    pattern: /\byouth (justice|offending)\b/,
    description: "Youth justice and youth offending services (before the 16-17 age band of care leavers).",
  },
  {
    key: "3",
    service: "care leavers",
    pattern:
      /\bcare leavers?\b|\bleaving care\b|\bstaying (put|close)\b|\bsemi[- ]independ\w*|\bsupported (accommodation|lodgings)\b|\b16 ?\+ accommodation\b|\b(16|sixteen)[- ]?(to|-)[- ]?(17|25)\b|\bunaccompanied asylum\b/,
    notIn: ADULT_CONTEXT,
    description: "Leaving care, semi-independent or supported accommodation for 16-25s.",
  },
  {
    key: "4",
    service: "fostering",
    pattern: /\bfoster(ing|ed|ers?)?\b/,
    // "foster a paradigm shift", "fostering collaboration", the architects Foster + Partners.
    unless:
      /\bfoster(ing|s)? (a |an |the |greater |stronger |closer |new )?(paradigm|culture|collaborat\w*|innovation|growth|partnerships?|relationships?|environment|engagement|sense|links?|good|trust|learning|inclusion|cohesion|community|creativity|debate|dialogue)\b|\bfoster (and|&|\+) partners\b/,
    description: "Fostering (not the verb: 'foster a culture of …').",
  },
  {
    key: "5",
    service: "SEND and transport",
    pattern:
      /\bspecial educational\b|\bspecial needs\b|\behcp?s?\b|\bindependent special\b|\bspecial schools?\b|\balternative (provision|education)\b|\bplacements?\b[^.]{0,60}\bschools?\b|\bhome[- ]to[- ]school\b|\bschool transport\b|\bpassenger transport\b|\btaxis?\b|\btransport for (children|pupils)\b|\btravel (assistance|training)\b|\bdisabled children\b|\b(send|sen)[- ](transport|travel|provision|pupils?|children|services?|support|schools?|placements?|tribunal|sufficiency|framework|units?)\b/,
    notIn: ADULT_CONTEXT,
    description:
      "Special educational needs, home-to-school and SEND transport (lower-case 'send' only with a SEND noun).",
  },
  {
    key: "6",
    service: "youth",
    pattern:
      /\byouth\b|\byoung people'?s (service|centre|club)s?\b|\bpositive activities\b|\byouth offending\b|\byouth justice\b|\bdetached work\b|\bappropriate adults?\b|\bconnexions\b/,
    description: "Youth work, youth services, youth justice.",
  },
  {
    key: "7",
    service: "family support",
    pattern:
      /\bfamily support\b|\bfamilies first\b|\bparenting\b|\bearly help\b|\bfamily hubs?\b|\bchildren'?s centres?\b|\b(children (and|&) )?family centres?\b|\btroubled families\b|\bsupporting families\b|\bedge of care\b|\bfamily (therapy|group conferenc\w*|interventions?)\b|\bcontact (centres?|services?)\b|\badoption\b|\byoung carers?\b|\bfamily engagement\b|\bspeech,? language and communication\b/,
    description: "Family and parenting support, early help, children's centres, adoption support.",
  },
];

/** "SEND" and "SEN" written in capitals are the acronym; lower-case "send" is a verb. */
const SEND_ACRONYM = /\bSEND\b|\bSEN\b/;

function wordRules(evidence: "title" | "description", prefix: string): ServiceRule[] {
  return WORD_RULES.map((r) => ({
    id: `${prefix}${r.key}`,
    evidence,
    service: r.service,
    pattern: r.pattern,
    ...(r.unless ? { unless: r.unless } : {}),
    ...(r.notIn ? { notIn: r.notIn } : {}),
    description: `${evidence === "title" ? "Title" : "Description"}: ${r.description}`,
  }));
}

export const SERVICE_RULES: readonly ServiceRule[] = [
  ...CATEGORY_RULES,
  ...SPECIFIC_CPV_RULES,
  ...wordRules("title", "ST"),
  ...wordRules("description", "SD"),
  ...BROAD_CPV_RULES,
];

export const SERVICE_FALLBACK_RULE = {
  id: "SV0",
  description: "No category, CPV code or word names a service.",
} as const;

/** CPV field may hold several codes ("85311300 85312000", "85311300-5"). */
function cpvCodes(cpv: string | null | undefined): string[] {
  if (!cpv) return [];
  return cpv.match(/\d{8}/g) ?? [];
}

function prepared(text: string | null | undefined): { raw: string; lower: string } | null {
  if (!text) return null;
  // Matching only (stored text is left as published): curly quotes, and the C1 mojibake some
  // ledgers carry for "’" (U+0080 U+0099), read as an apostrophe.
  const raw = decodeHtmlEntities(text)
    .replace(/\u0080\u0099|[’‘]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return raw === "" ? null : { raw, lower: raw.toLowerCase() };
}

/** Global copies of each rule's patterns, compiled once (exec with lastIndex walks every match). */
const GLOBAL = new Map<RegExp, RegExp>();
function globalOf(pattern: RegExp): RegExp {
  let g = GLOBAL.get(pattern);
  if (!g) {
    g = new RegExp(pattern.source, "g");
    GLOBAL.set(pattern, g);
  }
  g.lastIndex = 0;
  return g;
}

/** The first match of `pattern` that does not start inside an `unless` phrase. */
function matchOutside(pattern: RegExp, unless: RegExp | undefined, text: string): string | null {
  const first = pattern.exec(text);
  if (!first) return null;
  if (!unless?.test(text)) return first[0];
  const blocked: Array<[number, number]> = [];
  const u = globalOf(unless);
  for (let m = u.exec(text); m; m = u.exec(text)) {
    blocked.push([m.index, m.index + m[0].length]);
    if (m[0].length === 0) u.lastIndex++;
  }
  const g = globalOf(pattern);
  for (let m = g.exec(text); m; m = g.exec(text)) {
    const start = m.index;
    if (!blocked.some(([a, b]) => start >= a && start < b)) return m[0];
    if (m[0].length === 0) g.lastIndex++;
  }
  return null;
}

const EVIDENCE_LABEL: Record<ServiceEvidenceKind, string> = {
  category: "category",
  cpv: "CPV",
  title: "title word",
  description: "description word",
};

export function classifyService(evidence: ServiceEvidence): ServiceResult {
  const texts: Record<Exclude<ServiceEvidenceKind, "cpv">, ReturnType<typeof prepared>> = {
    category: prepared(evidence.category),
    title: prepared(evidence.title),
    description: prepared(evidence.description),
  };
  const codes = cpvCodes(evidence.cpv);
  for (const rule of SERVICE_RULES) {
    if (rule.evidence === "cpv") {
      const code = codes.find((c) => rule.pattern.test(c));
      if (code) return { service: rule.service, rule: rule.id, basis: `CPV ${code}` };
      continue;
    }
    const text = texts[rule.evidence];
    if (!text || rule.notIn?.test(text.lower)) continue;
    const hit = matchOutside(rule.pattern, rule.unless, text.lower);
    if (hit) {
      if (rule.refine && texts.title) {
        const title = texts.title.lower;
        const narrower = rule.refine.find((r) => r.pattern.test(title));
        if (narrower) {
          const word = narrower.pattern.exec(title)?.[0] ?? "";
          return {
            service: narrower.service,
            rule: narrower.id,
            basis: `category '${text.raw}' with title word '${word}'`,
          };
        }
      }
      const shown = rule.evidence === "category" ? text.raw : hit;
      return { service: rule.service, rule: rule.id, basis: `${EVIDENCE_LABEL[rule.evidence]} '${shown}'` };
    }
    // The SEND acronym needs the original case; an all-capitals text ("PLEASE SEND …") has none.
    if (rule.service === "SEND and transport" && rule.evidence !== "category" && /[a-z]/.test(text.raw)) {
      const acronym = SEND_ACRONYM.exec(text.raw);
      if (acronym) {
        return { service: rule.service, rule: rule.id, basis: `${EVIDENCE_LABEL[rule.evidence]} '${acronym[0]}'` };
      }
    }
  }
  return { service: "other", rule: SERVICE_FALLBACK_RULE.id, basis: "no category, CPV code or service word" };
}

/** The service rule's reason in words, for service_reason. */
export function serviceReason(result: ServiceResult): string {
  return `${result.basis} → ${result.service} (rule ${result.rule})`;
}

/** Positional form kept for callers with only CPV and text. */
export function categoriseService(
  cpv: string | null | undefined,
  title: string | null | undefined,
  description?: string | null,
): ServiceResult {
  return classifyService({ cpv, title, description });
}

/**
 * Spend lines: an s251 budget line or a ledger's expense type (or a grant's purpose) is the
 * only service evidence a payment has. A line gets a service only where it clearly fits;
 * adoption, guardianship, safeguarding, strategy… have none (NULL), not 'other'.
 */
export const LEDGER_LINE_RULES: readonly ServiceRule[] = [
  {
    id: "SL1",
    evidence: "category",
    service: "short breaks",
    // "Sht Break-Disability" is Salford's abbreviated G/L description.
    pattern: /short ?breaks?|\bsht breaks?\b|respite/i,
    description: "Spend line names short breaks or respite.",
  },
  {
    id: "SL2",
    evidence: "category",
    service: "residential care",
    pattern:
      /secure accommodation \(welfare\)|^residential care|^childcare residential|^resid(ential)? care home|^residential$/i,
    description: "Spend line is residential care or secure welfare accommodation.",
  },
  {
    id: "SL2a",
    evidence: "category",
    service: "residential care",
    // Placements bought from outside the council: children's homes and fostering agencies
    // together, which the service vocabulary files under residential care (as a "residential
    // and fostering placements" framework is). "Independent Placements" is deliberately not
    // here: Darlington's line under that name is mostly independent special school fees.
    pattern: /\b(external|residential) placements?\b|\bmaintenance fee\W+residential\b/i,
    // Adoption placements and "placement with parents" support are not residential care.
    unless: /adopt|with parents/i,
    description: "Spend line names external or residential placements, or a residential maintenance fee.",
  },
  {
    id: "SL3",
    evidence: "category",
    service: "fostering",
    // "IFA" is an independent fostering agency ("Maintenance Fee - Short Term IFA"); "Fost" is
    // Salford's abbreviation ("Fost Parent-Bas alls", "Fost. Prnt Skll Pay").
    pattern: /foster|\bfost\b|\bifa\b/i,
    description: "Spend line names fostering or an independent fostering agency (IFA).",
  },
  {
    id: "SL4",
    evidence: "category",
    service: "care leavers",
    pattern: /leaving care|care leaver|^cl-/i,
    description: "Spend line names leaving care ('Cl-' types are care leavers' in Devon's ledger).",
  },
  {
    id: "SL5",
    evidence: "category",
    service: "family support",
    // "Children Act-Sect 17" (Salford) is a section 17 payment to a child in need's family.
    pattern: /family support|family interventions|section 17|\bsect\.? ?17\b|^s17\b/i,
    description: "Spend line names family support or section 17 payments.",
  },
  {
    id: "SL6",
    evidence: "category",
    service: "SEND and transport",
    // "Non-Maint Spec Schls" (Salford), "Other Sen Funding" and "SEN Top Up …" (Darlington,
    // Wakefield) are special educational needs places and top-ups; pupil transport, school bus
    // passes and home-to-school contributions are the transport half of the service.
    pattern:
      /special school|\bspec\.? schls?\b|\bsen\b|\bpupil (transport|travel)\b|\bschool bus\b|\btransport home (&|and) school\b/i,
    // A grant for a school bus shelter buys a structure, not transport.
    unless: /\bshelters?\b/i,
    description: "Spend line names special school fees, SEN funding or pupil transport.",
  },
  {
    id: "SL7",
    evidence: "category",
    service: "youth",
    pattern: /services for young people|connexions|teenage pregnancy|substances? misuse|youth work/i,
    description: "Spend line names youth services.",
  },
];

export function serviceForLedgerLine(line: string | null | undefined): ServiceResult | null {
  const text = prepared(line);
  if (!text) return null;
  for (const rule of LEDGER_LINE_RULES) {
    if (!rule.pattern.test(text.raw)) continue;
    // A negative phrase on the same line voids the rule (an adoption placement is no residential placement).
    if (rule.unless?.test(text.raw)) continue;
    return { service: rule.service, rule: rule.id, basis: `spend line '${text.raw}'` };
  }
  return null;
}

/** Every service rule (refinements and the fallback included) as plain rows for classification_rules. */
export function describeServiceRules(): Array<{ id: string; description: string; result: Service }> {
  const out: Array<{ id: string; description: string; result: Service }> = [];
  for (const rule of [...SERVICE_RULES, ...LEDGER_LINE_RULES]) {
    out.push({ id: rule.id, description: rule.description, result: rule.service });
    for (const r of rule.refine ?? [])
      out.push({
        id: r.id,
        description: `${rule.description} Narrowed by the title: ${r.service}.`,
        result: r.service,
      });
  }
  out.push({ id: SERVICE_FALLBACK_RULE.id, description: SERVICE_FALLBACK_RULE.description, result: "other" });
  return out;
}
