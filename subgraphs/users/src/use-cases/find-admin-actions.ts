import { listAdminActions, pageSize, requireRole, type AdminActionRow } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { QueryUsersAdminLogArgs } from '../generated/resolvers-types.ts';

/** What admins did to accounts, newest first (ADMIN). */
export function findAdminActions(ctx: UsersContext, args: QueryUsersAdminLogArgs): Promise<AdminActionRow[]> {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, {
    entityType: 'User',
    entityId: args.entityId?.toLowerCase() ?? null,
    first: pageSize(args.first, { default: 50, max: 500 }),
  });
}
