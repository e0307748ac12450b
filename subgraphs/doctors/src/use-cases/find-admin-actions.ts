import { checkOptionalText, listAdminActions, pageSize, requireRole, type AdminActionRow } from '@medappt/platform';
import type { DoctorsContext } from '../context.ts';
import type { QueryDoctorsAdminLogArgs } from '../generated/resolvers-types.ts';

/** What staff and admins changed in the directory and catalogue, newest first (ADMIN). */
export function findAdminActions(ctx: DoctorsContext, args: QueryDoctorsAdminLogArgs): Promise<AdminActionRow[]> {
  requireRole(ctx.auth, 'ADMIN');
  return listAdminActions(ctx.db, {
    entityType: checkOptionalText('entityType', args.entityType, 'code'),
    entityId: args.entityId ?? null,
    first: pageSize(args.first, { default: 50, max: 500 }),
  });
}
