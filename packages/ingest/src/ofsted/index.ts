export { ofstedIlacsIngester } from "./ilacs.js";
export { ofstedInspectionsIngester, parseInspectionFile } from "./inspections.js";
export { ofstedJoinersLeaversIngester, parseJoinersLeaversFile } from "./joiners-leavers.js";
export { ofstedProvidersIngester, parseProviderFile } from "./providers.js";
