import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { logOut } from '../../use-cases/log-out.ts';

export const logout: NonNullable<MutationResolvers['logout']> = (_parent, args, ctx) => logOut(ctx, args);
