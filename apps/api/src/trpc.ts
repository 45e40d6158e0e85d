/**
 * tRPC setup: context, error mapping and the base procedure. Clients get a status, a code
 * and a message naming what was wrong with their input — never a stack trace.
 */
import type { DuckDBConnection } from "@duckdb/node-api";
import type { RunOptions } from "@lens/queries";
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { clientError } from "./error-status.js";
import { QueryCache } from "./query-cache.js";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface Context {
  warehouse: WarehouseHolder;
  cache: QueryCache;
}

/** A context for a holder; one cache per server, cleared when the warehouse is rebuilt. */
export function createContextFactory(warehouse: WarehouseHolder, cache = new QueryCache()): () => Context {
  warehouse.onReload(() => cache.clear());
  const context = { warehouse, cache };
  return () => context;
}

/**
 * Runs one query function on the warehouse, through the cache. The key is the build id plus
 * the procedure name plus the validated input, so identical views share one result and a
 * rebuilt warehouse never answers from the old build.
 */
export function cachedQuery<T>(
  ctx: Context,
  name: string,
  input: unknown,
  fn: (connection: DuckDBConnection, options: RunOptions) => Promise<T>,
): Promise<T> {
  const options: RunOptions = { timeoutMs: ctx.warehouse.queryTimeoutMs };
  return ctx.cache.get(ctx.warehouse.info.buildId, name, input, () =>
    ctx.warehouse.use((connection) => fn(connection, options)),
  );
}

/** "filters.region: unknown value; allowed: …" — one line per problem. */
export function describeZodError(error: ZodError): string {
  return error.issues.map((i) => `${i.path.length > 0 ? `${i.path.join(".")}: ` : ""}${i.message}`).join("; ");
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const message = cause instanceof ZodError ? describeZodError(cause) : shape.message;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Maps failures below the zod layer (e.g. a dimension a metric does not allow, a query past its
 * deadline) to the status the data API gives too (error-status.ts). tRPC's own errors (a zod
 * input error is already BAD_REQUEST) pass through.
 */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === "INTERNAL_SERVER_ERROR") {
    const cause = result.error.cause ?? result.error;
    const mapped = clientError(cause);
    if (mapped.log) console.error(cause);
    throw new TRPCError({ code: mapped.code, message: mapped.message, ...(mapped.log ? {} : { cause }) });
  }
  return result;
});
