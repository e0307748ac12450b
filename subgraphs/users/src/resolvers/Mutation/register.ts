import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const register: NonNullable<MutationResolvers['register']> = (_parent, { input }, ctx) => ctx.accounts.register(input);
