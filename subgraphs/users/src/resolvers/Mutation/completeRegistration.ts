import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const completeRegistration: NonNullable<MutationResolvers['completeRegistration']> = (_parent, { token }, ctx) => ctx.signUp.complete(token);
