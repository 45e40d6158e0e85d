export { ofstedIlacsIngester } from "./ilacs.js";
export { ofstedInspectionsIngester } from "./inspections.js";
export { ofstedJoinersLeaversIngester } from "./joiners-leavers.js";
export { ofstedProvidersIngester } from "./providers.js";
