import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const logout: NonNullable<MutationResolvers['logout']> = (_parent, args, ctx) => ctx.accounts.logout(args.refreshToken);
