import { checkOptionalText, nameIdCursor, pageSize, requireRole, toConnection, type Connection } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import type { QueryUsersArgs } from '../generated/resolvers-types.ts';
import { listUsers } from '../repository/users.ts';

/** Accounts by name or email (ADMIN). Keyset pages by (name, id), like the doctor directory: no duplicates or gaps while accounts are added. */
export async function searchUsers(ctx: UsersContext, args: QueryUsersArgs): Promise<Connection<UserRow>> {
  requireRole(ctx.auth, 'ADMIN');
  const size = pageSize(args.first);
  const search = checkOptionalText('search', args.search, 'search') || null;
  const rows = await listUsers(ctx.db, { search, role: args.role ?? null, after: nameIdCursor(args.after), limit: size + 1 });
  return toConnection(rows, size, (row) => [row.name, row.id]);
}
