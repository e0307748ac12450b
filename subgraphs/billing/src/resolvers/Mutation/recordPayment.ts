import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { recordPayment as record } from '../../use-cases/record-payment.ts';

export const recordPayment: NonNullable<MutationResolvers['recordPayment']> = (_parent, { input }, ctx) => record(ctx, input);
