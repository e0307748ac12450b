import type { MutationResolvers } from '../../generated/resolvers-types.ts';

export const refreshToken: NonNullable<MutationResolvers['refreshToken']> = (_parent, args, ctx) => ctx.accounts.refresh(args.refreshToken);
