/** The page's provenance words are @lens/core's (provenance.ts), the same the exports and the data API use. */
export {
  answerLicence,
  answerSourceLine,
  type ContributingSource,
  licenceLine,
  sourceLine,
  sourcesFor,
} from "@lens/core";
