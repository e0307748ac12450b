import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { voidInvoice as voidIt } from '../../use-cases/void-invoice.ts';

export const voidInvoice: NonNullable<MutationResolvers['voidInvoice']> = (_parent, { id, reason }, ctx) => voidIt(ctx, { id, reason });
