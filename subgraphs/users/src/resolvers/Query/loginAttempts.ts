import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findLoginAttempts } from '../../use-cases/find-login-attempts.ts';

export const loginAttempts: NonNullable<QueryResolvers['loginAttempts']> = (_parent, args, ctx) => findLoginAttempts(ctx, args);
