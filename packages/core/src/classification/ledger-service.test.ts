import { describe, expect, it } from "vitest";
import type { Service } from "../vocab.js";
import { serviceForLedgerLine } from "./service.js";

// Expense types as the three councils' ledgers spell them (Darlington's `Account`, Salford's
// G/L description, Wakefield's `Purpose of Spend`), the s251 lines and Devon's expense types.
describe("serviceForLedgerLine", () => {
  it.each<[string, Service | null, string | null]>([
    // Darlington
    ["External Placements", "residential care", "SL2a"],
    ["EXTERNAL PLACEMENTS", "residential care", "SL2a"],
    ["Maintenance Fee - Residential", "residential care", "SL2a"],
    ["Residential", "residential care", "SL2"],
    ["Maintenance Fee - Short Term IFA", "fostering", "SL3"],
    ["Maintenance Fee - Long Term IFA", "fostering", "SL3"],
    ["Other Sen Funding", "SEND and transport", "SL6"],
    ["Pupil Transport Costs", "SEND and transport", "SL6"],
    ["Pupil Travel - Bus", "SEND and transport", "SL6"],
    // Mostly independent special school fees beside a few children's homes: no one service.
    ["Independent Placements", null, null],
    ["INDEPENDENT PLACEMENTS", null, null],
    ["Maintenance Fee - Supporting Independence", null, null],
    ["Placement Fees", null, null],
    ["Adult Placement Schemes", null, null],
    ["Adoption Allowance", null, null],
    // Salford
    ["Non-Maint Spec Schls", "SEND and transport", "SL6"],
    ["Non-Maintained Special Schools", "SEND and transport", "SL6"],
    ["Children Act-Sect 17", "family support", "SL5"],
    ["Fost Parent-Bas alls", "fostering", "SL3"],
    ["Fost. Prnt Skll Pay", "fostering", "SL3"],
    ["Resid Care Home", "residential care", "SL2"],
    ["Sht Break-Disability", "short breaks", "SL1"],
    // Fostering agencies, children's homes, careers advice, NHS trusts, leisure and other
    // councils all sit under these: a payment route, not a service.
    ["Payts to Agencies", null, null],
    ["Payments to Agencies", null, null],
    // Early-years funding to private nurseries: no service in the vocabulary fits.
    ["Pmnts Privt Provider", null, null],
    ["Children Act-Sect 23", null, null],
    // Wakefield
    ["Special Needs Residential Placements (Private Contractors)", "residential care", "SL2a"],
    ["SEN Top Up Contract Payments (Other Local Auth inc police and fire)", "SEND and transport", "SL6"],
    ["Metro School Bus Cards", "SEND and transport", "SL6"],
    ["Contribution - Transport Home & School", "SEND and transport", "SL6"],
    ["Payments to Independent Fostering Agencies", "fostering", "SL3"],
    ["Agency Placement Adoptions (Other agencies)", null, null],
    ["Support To Placement With Parents (Other Agencies)", null, null],
    ["Nursery Education Funding - External (Private Contractors)", null, null],
    // Word boundaries: these contain the letters but not the words.
    ["Sensory Equipment", null, null],
    ["Traffic Signs", null, null],
    ["Seconded Staff", null, null],
    ["School Bus shelter", null, null],
    // s251 lines and Devon's expense types keep their services
    ["Residential care", "residential care", "SL2"],
    ["Fostering services", "fostering", "SL3"],
    ["Secure accommodation (welfare)", "residential care", "SL2"],
    ["Short breaks (respite) for looked after disabled children", "short breaks", "SL1"],
    ["Leaving care support services", "care leavers", "SL4"],
    ["Adoption services", null, null],
    ["Childcare Residential - Independent", "residential care", "SL2"],
  ])("%s → %s (%s)", (line, service, rule) => {
    const result = serviceForLedgerLine(line);
    expect(result?.service ?? null).toBe(service);
    expect(result?.rule ?? null).toBe(rule);
  });
});
