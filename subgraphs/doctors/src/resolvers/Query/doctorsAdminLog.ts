import { badUserInput, listAdminActions, requireRole } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const doctorsAdminLog: NonNullable<QueryResolvers['doctorsAdminLog']> = (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const first = args.first ?? 50;
  if (first < 1 || first > 500) throw badUserInput('first', 'must be between 1 and 500');
  return listAdminActions(ctx.db, { entityType: args.entityType ?? null, entityId: args.entityId ?? null, first });
};
