/**
 * The one HTML-entity decoder for text read from sources. Notices and registers carry named
 * (`&amp;`, `&quot;`, `&pound;`), decimal (`&#039;`) and hexadecimal (`&#xA3;`) entities, and
 * some publishers escape twice (`&amp;#039;`), so decoding repeats until nothing changes.
 * Service, scope and name rules run on the decoded text: `Children&#039;s` must read as
 * "Children's" or a word rule cannot see it.
 */
import { DecodingMode, decodeHTML } from "entities";

const ENTITY = /&(#[0-9]+|#x[0-9a-f]+|[a-z][a-z0-9]*);?/i;
/** Three levels of escaping is more than any source has shown; the bound stops a loop on hostile text. */
const MAX_PASSES = 3;

export function decodeHtmlEntities(text: string): string {
  let s = text;
  for (let pass = 0; pass < MAX_PASSES && ENTITY.test(s); pass++) {
    // Strict mode: "&copy" without its ";" inside a word (e.g. "R&Delta") is left as written.
    const decoded = decodeHTML(s, DecodingMode.Strict);
    if (decoded === s) break;
    s = decoded;
  }
  // Non-breaking spaces from &nbsp; are spaces for every rule downstream.
  return s.replace(/\u00a0/g, " ");
}

/** Whether a value may hold an entity (a cheap pre-filter before decoding stored text). */
export function mayHoldHtmlEntity(text: string): boolean {
  return ENTITY.test(text);
}
