import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { issueInvoice as issue } from '../../use-cases/issue-invoice.ts';

export const issueInvoice: NonNullable<MutationResolvers['issueInvoice']> = (_parent, { id }, ctx) => issue(ctx, { id });
