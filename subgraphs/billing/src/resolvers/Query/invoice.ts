import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { getInvoice } from '../../use-cases/read-invoices.ts';

export const invoice: NonNullable<QueryResolvers['invoice']> = (_parent, { id }, ctx) => getInvoice(ctx, { id });
