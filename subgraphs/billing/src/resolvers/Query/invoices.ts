import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listClinicInvoices } from '../../use-cases/read-invoices.ts';

export const invoices: NonNullable<QueryResolvers['invoices']> = (_parent, args, ctx) => listClinicInvoices(ctx, args);
