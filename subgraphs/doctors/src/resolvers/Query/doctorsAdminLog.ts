import { checkOptionalText, listAdminActions, pageSize, requireRole } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const doctorsAdminLog: NonNullable<QueryResolvers['doctorsAdminLog']> = (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, { entityType: checkOptionalText('entityType', args.entityType, 'code'), entityId: args.entityId ?? null, first: pageSize(args.first, { default: 50, max: 500 }) });
};
