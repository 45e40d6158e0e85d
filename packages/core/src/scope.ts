/**
 * Which notices are about children's services. Deliberately broad (the same test the
 * procurement provenance notes use, plus SEND transport): a children's/social-care CPV code, or a children,
 * young people, fostering, looked-after, care-leaver, SEND, youth or family keyword.
 */
import { decodeHtmlEntities } from "./html-entities.js";

const CHILDREN_CPV = /^(8531[0-9]|8532[0-9]|853121|80100000|80340000|60130000)/;
const CHILDREN_WORDS =
  /\b(child|children|childrens|children's|young people|young person|youth|foster|fostering|looked[- ]after|care leavers?|leaving care|send|sen|special educational needs|disabled children|sen transport|home to school|short breaks?|family|families|adolescen|residential placements?|semi[- ]independent|supported accommodation|unaccompanied asylum)\b/i;

export function isChildrensNotice(cpv: string | null, title: string | null, description: string | null): boolean {
  if (cpv && CHILDREN_CPV.test(cpv.replace(/\D/g, ""))) return true;
  const text = decodeHtmlEntities(`${title ?? ""} ${description ?? ""}`);
  return CHILDREN_WORDS.test(text);
}
