/**
 * tRPC setup: context, error mapping and the base procedure. Clients get a status, a code
 * and a message naming what was wrong with their input — never a stack trace.
 */
import { QueryInputError } from "@lens/queries";
import { TRPCError, initTRPC } from "@trpc/server";
import { ZodError } from "zod";
import type { WarehouseHolder } from "./warehouse-holder.js";

export interface Context {
  warehouse: WarehouseHolder;
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

/** Maps input problems found below the zod layer (e.g. a dimension a metric does not allow) to 400s. */
export const publicProcedure = t.procedure.use(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof QueryInputError) throw new TRPCError({ code: "BAD_REQUEST", message: cause.message, cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      console.error(result.error.cause ?? result.error);
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "The query failed; the error has been logged." });
    }
  }
  return result;
});
