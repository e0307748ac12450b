import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findOwnAccount } from '../../use-cases/find-own-account.ts';

export const me: NonNullable<QueryResolvers['me']> = (_parent, _args, ctx) => findOwnAccount(ctx);
