/** The contract parsers, in the order the build must run them (later ones reject what earlier ones loaded). */
import { contractsFinderOcdsIngester } from "./contracts-finder-ocds.js";
import { homeOfficeAwardsIngester } from "./home-office-awards.js";
import { lancashireDerivedIngester } from "./lancashire-derived.js";
import { norfolkRegisterIngester } from "./norfolk-register.js";
import { findATenderIngester, publicContractsScotlandIngester, sell2walesIngester } from "./ocds-publishers.js";
import { salfordRegisterIngester } from "./salford-register.js";

export const CONTRACT_INGESTERS = [
  contractsFinderOcdsIngester,
  findATenderIngester,
  publicContractsScotlandIngester,
  sell2walesIngester,
  norfolkRegisterIngester,
  salfordRegisterIngester,
  lancashireDerivedIngester,
  homeOfficeAwardsIngester,
] as const;
