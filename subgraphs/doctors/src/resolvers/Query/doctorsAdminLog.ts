import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findAdminActions } from '../../use-cases/find-admin-actions.ts';

export const doctorsAdminLog: NonNullable<QueryResolvers['doctorsAdminLog']> = (_parent, args, ctx) => findAdminActions(ctx, args);
