import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import * as useCase from '../../use-cases/complete-registration.ts';

export const completeRegistration: NonNullable<MutationResolvers['completeRegistration']> = (_parent, args, ctx) => useCase.completeRegistration(ctx, args);
