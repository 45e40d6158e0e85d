/**
 * Shared pieces of the paged searches: page-size cap, LIKE-pattern escaping and sort
 * allow-lists. Sort keys map to fixed SQL expressions; the client never names a column.
 */
import { z } from "zod";

export const MAX_PAGE_SIZE = 100;
export const MAX_PAGE = 10_000;

export const pagingInput = {
  q: z.string().trim().max(200).optional(),
  page: z.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.number().int().min(1).max(MAX_PAGE_SIZE).default(25),
  dir: z.enum(["asc", "desc"]).default("desc"),
};

/** `%text%` with LIKE's own wildcards escaped, for `ILIKE $q ESCAPE '\'`. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  pages: number;
}
