import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findAdminActions } from '../../use-cases/find-admin-actions.ts';

export const usersAdminLog: NonNullable<QueryResolvers['usersAdminLog']> = (_parent, args, ctx) => findAdminActions(ctx, args);
