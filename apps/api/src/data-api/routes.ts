/**
 * Every route the data API handler answers, as OpenAPI path templates with their methods.
 * The handler's dispatch and the OpenAPI document are both checked against this list by tests
 * (openapi/document.test.ts), so a new route cannot be left out of the contract.
 */
export const DATA_API_ROUTES = [
  { method: "get", path: "/api/v1" },
  { method: "get", path: "/api/v1/openapi.json" },
  { method: "get", path: "/api/v1/metrics" },
  { method: "get", path: "/api/v1/metrics/{metricId}" },
  { method: "get", path: "/api/v1/dimensions" },
  { method: "get", path: "/api/v1/councils" },
  { method: "get", path: "/api/v1/sources" },
  { method: "get", path: "/api/v1/contracts" },
  { method: "get", path: "/api/v1/contracts/about" },
  { method: "get", path: "/api/v1/providers" },
  { method: "get", path: "/api/v1/providers/about" },
  { method: "get", path: "/api/v1/downloads" },
  { method: "get", path: "/api/v1/downloads/{file}" },
  { method: "get", path: "/api/v1/snapshots/{id}" },
  { method: "post", path: "/api/v1/snapshots" },
] as const;
