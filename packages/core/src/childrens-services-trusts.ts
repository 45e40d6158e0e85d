/**
 * Councils whose children's services a trust or company delivers (or delivered): reference
 * facts with dates and sources, browser-safe. The names by which a buyer field is recognised as
 * one of these bodies are classification patterns and live with the buyer rules (buyers.ts).
 */

/**
 * Children's services trusts and companies that deliver (and buy for) a council's children's
 * services. Reference facts: the council, when delivery moved, and where that is published.
 * `until` is set where the service returned to the council.
 */
export interface ChildrensServicesTrust {
  id: string;
  label: string;
  laCodes: readonly string[];
  from: string;
  /** Councils that joined after the body began, with their own first day (else `from`). */
  joined?: Readonly<Record<string, string>>;
  until?: string;
  /** Owned by the council(s) (a council company), rather than an independent trust. */
  councilOwned: boolean;
  source: string;
}

/** The first day a body ran this council's children's services: the day the council joined, else the body's start. */
export function trustStartFor(trust: ChildrensServicesTrust, laCode: string): string {
  return trust.joined?.[laCode] ?? trust.from;
}

/** The trust delivering a council's children's services on an ISO date (or in a month), if any. */
export function childrensServicesTrustFor(laCode: string, isoDate: string): ChildrensServicesTrust | null {
  return (
    CHILDRENS_SERVICES_TRUSTS.find(
      (t) =>
        t.laCodes.includes(laCode) &&
        isoDate >= trustStartFor(t, laCode) &&
        (t.until === undefined || isoDate <= t.until),
    ) ?? null
  );
}

export const CHILDRENS_SERVICES_TRUSTS: readonly ChildrensServicesTrust[] = [
  {
    id: "doncaster",
    councilOwned: false,
    label: "Doncaster Children's Services Trust",
    laCodes: ["371"],
    from: "2014-10-01",
    until: "2023-03-31",
    source: "Secretary of State direction (2014); services returned to City of Doncaster Council on 1 April 2023",
  },
  {
    id: "slough-trust",
    councilOwned: false,
    label: "Slough Children's Services Trust",
    laCodes: ["871"],
    from: "2015-10-01",
    until: "2021-03-31",
    source:
      "Secretary of State direction (2014); an independent trust until ownership passed to the council in April 2021",
  },
  {
    id: "slough",
    councilOwned: true,
    label: "Slough Children First",
    laCodes: ["871"],
    from: "2021-04-01",
    source: "Slough Borough Council's company Slough Children First from 1 April 2021",
  },
  {
    id: "sunderland",
    councilOwned: true,
    label: "Together for Children (Sunderland)",
    laCodes: ["394"],
    from: "2017-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2017",
  },
  {
    id: "birmingham",
    councilOwned: true,
    label: "Birmingham Children's Trust",
    laCodes: ["330"],
    from: "2018-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2018",
  },
  {
    id: "sandwell",
    councilOwned: true,
    label: "Sandwell Children's Trust",
    laCodes: ["333"],
    from: "2018-04-01",
    source: "Secretary of State direction (2016); council-owned company from 1 April 2018",
  },
  {
    id: "worcestershire",
    councilOwned: true,
    label: "Worcestershire Children First",
    laCodes: ["885"],
    from: "2019-10-01",
    source: "Worcestershire County Council; council-owned company from 1 October 2019",
  },
  {
    id: "northamptonshire",
    councilOwned: true,
    label: "Northamptonshire Children's Trust",
    laCodes: ["928", "940", "941"],
    from: "2020-11-01",
    source: "Secretary of State direction (2019); owned by North and West Northamptonshire councils from 1 April 2021",
  },
  {
    id: "achieving-for-children",
    councilOwned: true,
    label: "Achieving for Children (Kingston, Richmond, Windsor and Maidenhead)",
    laCodes: ["314", "318", "868"],
    from: "2014-04-01",
    joined: { "868": "2017-08-01" },
    source: "Kingston and Richmond councils' company from April 2014; Windsor and Maidenhead joined August 2017",
  },
  {
    id: "reading",
    councilOwned: true,
    label: "Brighter Futures for Children (Reading)",
    laCodes: ["870"],
    from: "2018-12-03",
    source: "Secretary of State direction (2017); Reading Borough Council's company from 3 December 2018",
  },
  {
    id: "bradford",
    councilOwned: true,
    label: "Bradford Children and Families Trust",
    laCodes: ["380"],
    from: "2023-04-01",
    source: "Secretary of State direction (2022); council-owned company from 1 April 2023",
  },
];
