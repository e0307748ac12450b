import { listAdminActions, pageSize, requireRole } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const usersAdminLog: NonNullable<QueryResolvers['usersAdminLog']> = (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, { entityType: 'User', entityId: args.entityId?.toLowerCase() ?? null, first: pageSize(args.first, { default: 50, max: 500 }) });
};
