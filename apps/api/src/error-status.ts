/**
 * The one mapping from a query's failure to what a client is told, for tRPC and the data API
 * alike: the same status, the same words.
 *
 * A query past its deadline (QueryTimeoutError) is 503 Service Unavailable, not 408 Request
 * Timeout: 408 says the client was too slow to send its request, and HTTP clients and proxies
 * resend a 408 on their own (our fetcher does too), which would run the same heavy query again.
 * The server ran out of its budget for this selection; a narrower one is the fix.
 */
import { QueryInputError, QueryTimeoutError } from "@lens/queries";

export interface ClientError {
  status: 400 | 500 | 503;
  /** The tRPC code whose HTTP status is `status`. */
  code: "BAD_REQUEST" | "INTERNAL_SERVER_ERROR" | "SERVICE_UNAVAILABLE";
  message: string;
  /** Unexpected: log it on the server (the client gets no detail). */
  log: boolean;
}

export function clientError(error: unknown): ClientError {
  if (error instanceof QueryInputError) return { status: 400, code: "BAD_REQUEST", message: error.message, log: false };
  if (error instanceof QueryTimeoutError)
    return { status: 503, code: "SERVICE_UNAVAILABLE", message: `${error.message}; narrow the selection`, log: false };
  return {
    status: 500,
    code: "INTERNAL_SERVER_ERROR",
    message: "The query failed; the error has been logged.",
    log: true,
  };
}
