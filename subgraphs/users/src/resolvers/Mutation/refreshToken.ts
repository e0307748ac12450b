import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { refreshSession } from '../../use-cases/refresh-session.ts';

export const refreshToken: NonNullable<MutationResolvers['refreshToken']> = (_parent, args, ctx) => refreshSession(ctx, args);
