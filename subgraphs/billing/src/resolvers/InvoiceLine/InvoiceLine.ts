import type { InvoiceLineResolvers } from '../../generated/resolvers-types.ts';

export const InvoiceLine: InvoiceLineResolvers = {
  amount: (line) => ({ amountCents: line.netCents, currency: line.currency }),
  tax: (line) => ({ amountCents: line.taxCents, currency: line.currency }),
};
