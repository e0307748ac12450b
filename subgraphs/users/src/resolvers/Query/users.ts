import { badUserInput, checkOptionalText, decodeCursor, isUuid, pageSize, requireRole, toConnection } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listUsers } from '../../repository/users.ts';

function afterKey(cursor: string | null | undefined): { name: string; id: string } | null {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [name, id] = key;
  if (key.length !== 2 || typeof name !== 'string' || typeof id !== 'string' || !isUuid(id)) {
    throw badUserInput('after', 'is not a cursor of this list; pass an endCursor from a previous page');
  }
  return { name, id };
}

/** Keyset pages by (name, id), like the doctor directory: no duplicates or gaps while accounts are added. */
export const users: NonNullable<QueryResolvers['users']> = async (_parent, args, ctx) => {
  requireRole(ctx.auth, 'ADMIN');
  const size = pageSize(args.first);
  const search = checkOptionalText('search', args.search, 'search') || null;
  const rows = await listUsers(ctx.db, { search, role: args.role ?? null, after: afterKey(args.after), limit: size + 1 });
  return toConnection(rows, size, (row) => [row.name, row.id]);
};
