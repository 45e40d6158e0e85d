/**
 * The tRPC procedures generated from the query registry, and a server-side caller over them.
 * Each is `publicProcedure` (error → status mapping) + the registry's input schema + the one
 * cache middleware + the registry's function run on the warehouse. The types are the builder's
 * own, so the web app's AppRouter inference gives each query's exact input and result.
 */
import type { z } from "zod";
import { isQueryDef, QUERIES, type QueryDef, type QueryTree } from "./query-registry.js";
import { cachedByInput, createCallerFactory, publicProcedure, router } from "./trpc.js";

function withInput<S extends z.ZodType, T>(def: QueryDef<S, T>) {
  return publicProcedure
    .input(def.input)
    .use(cachedByInput)
    .query(({ ctx, input }) =>
      ctx.warehouse.use((c) =>
        def.run(c, input as Parameters<typeof def.run>[1], { timeoutMs: ctx.warehouse.queryTimeoutMs }),
      ),
    );
}

function withoutInput<T>(def: QueryDef<null, T>) {
  return publicProcedure
    .use(cachedByInput)
    .query(({ ctx }) => ctx.warehouse.use((c) => def.run(c, undefined, { timeoutMs: ctx.warehouse.queryTimeoutMs })));
}

/** The procedure a registry entry becomes; a namespace becomes a namespace of procedures. */
export type ProceduresOf<R> = {
  -readonly [K in keyof R]: R[K] extends QueryDef<infer S, infer T>
    ? S extends z.ZodType
      ? ReturnType<typeof withInput<S, T>>
      : ReturnType<typeof withoutInput<T>>
    : ProceduresOf<R[K]>;
};

export function proceduresOf<R extends QueryTree>(tree: R): ProceduresOf<R> {
  return Object.fromEntries(
    Object.entries(tree).map(([name, value]) => [
      name,
      isQueryDef(value)
        ? value.input === null
          ? withoutInput(value as QueryDef<null, unknown>)
          : withInput(value as QueryDef<z.ZodType, unknown>)
        : proceduresOf(value),
    ]),
  ) as ProceduresOf<R>;
}

export const queryProcedures = proceduresOf(QUERIES);

/** The registry's procedures alone, at the same paths as in the app router (so the same cache keys). */
export const queryRouter = router(queryProcedures);

/**
 * Calls the registry's procedures in-process, as the dashboard's requests do: same input
 * parsing, same cache entry, same error mapping (a failure arrives as a TRPCError; the data
 * API turns it into a status with error-status.ts).
 */
export const queryCaller = createCallerFactory(queryRouter);
