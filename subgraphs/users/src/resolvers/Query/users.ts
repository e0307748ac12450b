import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { searchUsers } from '../../use-cases/search-users.ts';

export const users: NonNullable<QueryResolvers['users']> = (_parent, args, ctx) => searchUsers(ctx, args);
