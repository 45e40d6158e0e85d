/**
 * The one mapping from a query's failure to what a client is told, for tRPC and the data API
 * alike: the same status, the same words.
 *
 * A query past its deadline (QueryTimeoutError) is 503 Service Unavailable, not 408 Request
 * Timeout: 408 says the client was too slow to send its request, and HTTP clients and proxies
 * resend a 408 on their own (our fetcher does too), which would run the same heavy query again.
 * The server ran out of its budget for this selection; a narrower one is the fix.
 *
 * A failure of a procedure called in-process (the data API and the exports call the query
 * procedures through a caller) arrives as the TRPCError that procedure's middleware made from
 * it with this same mapping; it is read back to the same status and words, and not logged twice.
 */
import { QueryInputError, QueryTimeoutError } from "@lens/queries";
import { TRPCError } from "@trpc/server";
import { ZodError } from "zod";

export interface ClientError {
  status: 400 | 500 | 503;
  /** The tRPC code whose HTTP status is `status`. */
  code: "BAD_REQUEST" | "INTERNAL_SERVER_ERROR" | "SERVICE_UNAVAILABLE";
  message: string;
  /** Unexpected: log it on the server (the client gets no detail). */
  log: boolean;
}

/** "filters.region: unknown value; allowed: …" — one line per problem. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ");
}

/** The query failure itself, for a TRPCError wrapping one. */
function causeOf(error: unknown): unknown {
  return error instanceof TRPCError && error.cause !== undefined ? error.cause : error;
}

/** True for an input the query rejected (a 400 naming the query), wrapped in a TRPCError or not. */
export function isQueryInputError(error: unknown): boolean {
  return causeOf(error) instanceof QueryInputError;
}

export function clientError(error: unknown): ClientError {
  if (error instanceof TRPCError) {
    const cause = causeOf(error);
    if (cause instanceof QueryInputError || cause instanceof QueryTimeoutError) return clientError(cause);
    if (error.code === "BAD_REQUEST")
      return {
        status: 400,
        code: "BAD_REQUEST",
        message: cause instanceof ZodError ? describeZodError(cause) : error.message,
        log: false,
      };
    // The procedure's middleware logged the failure and kept its detail back already.
    if (error.code === "INTERNAL_SERVER_ERROR" && error.cause === undefined)
      return { ...clientError(null), log: false };
  }
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
