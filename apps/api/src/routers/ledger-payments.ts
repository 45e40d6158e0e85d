/** The four council ledgers' placement payments by provider ownership, beside the s251 outturn, and their shared providers. */
import { ledgerPayments, ledgerPaymentsInput } from "@lens/queries";
import { cachedQuery, publicProcedure } from "../trpc.js";

export const ledgerPaymentsProcedure = publicProcedure
  .input(ledgerPaymentsInput)
  .query(({ ctx, input }) => cachedQuery(ctx, "ledgerPayments", input, (c, o) => ledgerPayments(c, input, o)));
