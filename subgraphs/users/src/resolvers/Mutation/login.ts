import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { logIn } from '../../use-cases/log-in.ts';

export const login: NonNullable<MutationResolvers['login']> = (_parent, { input }, ctx) => logIn(ctx, input);
