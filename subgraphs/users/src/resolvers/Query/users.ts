import { checkOptionalText, nameIdCursor, pageSize, requireRole, toConnection } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listUsers } from '../../repository/users.ts';

/** Keyset pages by (name, id), like the doctor directory: no duplicates or gaps while accounts are added. */
export const users: NonNullable<QueryResolvers['users']> = async (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const size = pageSize(args.first);
  const search = checkOptionalText('search', args.search, 'search') || null;
  const rows = await listUsers(ctx.db, { search, role: args.role ?? null, after: nameIdCursor(args.after), limit: size + 1 });
  return toConnection(rows, size, (row) => [row.name, row.id]);
};
