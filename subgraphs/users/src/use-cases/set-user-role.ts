import { forbidden, isUuid, notFound, recordAdminAction, requireRole } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { publishUserEvent } from '../events/publishes-users.ts';
import type { MutationSetUserRoleArgs } from '../generated/resolvers-types.ts';
import { findUserForUpdate, setRole } from '../repository/users.ts';

/** Changes an account's role (ADMIN, never one's own: an admin cannot lock themselves out). */
export async function setUserRole(ctx: UsersContext, { id, role }: MutationSetUserRoleArgs): Promise<UserRow> {
  const actor = requireRole(ctx.auth, 'ADMIN');
  if (!isUuid(id)) throw notFound('User', id);
  const userId = id.toLowerCase();
  if (actor.userId === userId) throw forbidden('You cannot change your own role; ask another admin.');
  return ctx.db.transaction(async (tx) => {
    const before = await findUserForUpdate(tx, userId);
    if (!before) throw notFound('User', userId);
    if (before.role === role) return before;
    const user = await setRole(tx, userId, role, new Date());
    await publishUserEvent(tx, 'user.role_changed', user);
    await recordAdminAction(tx, actor, { action: 'user.setRole', entityType: 'User', entityId: user.id, changes: { role, previousRole: before.role } });
    ctx.logger.info({ userId, role, previousRole: before.role, by: actor.userId }, 'account role changed');
    return user;
  });
}
