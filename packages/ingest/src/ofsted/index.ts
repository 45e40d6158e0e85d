export { ofstedProvidersIngester, parseProviderFile } from "./providers.js";
