/**
 * tRPC setup: context, error mapping and the base procedure. Clients get a status, a code
 * and a message naming what was wrong with their input — never a stack trace.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import { ZodError } from "zod";
import { clientError, describeZodError } from "./error-status.js";
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

/**
 * The one query cache: a procedure's result is kept under the warehouse build id, the
 * procedure's path and its validated input (after `.input()`, so `{a,b}` and `{b,a}`, or an
 * omitted default and the default itself, are one entry). Identical views — a chart, its CSV,
 * the data API — share one result, and a rebuilt warehouse never answers from the old build.
 * Only successes are kept; a failure reaches every caller waiting on it and is not remembered.
 */
export const cachedByInput = t.middleware(({ ctx, path, input, next }) =>
  ctx.cache.get(ctx.warehouse.info.buildId, path, input, async () => {
    const result = await next();
    if (!result.ok) throw result.error;
    return result;
  }),
);
