import { isUuid, notFound, recordAdminAction, requireRole } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { publishUserEvent } from '../events/publishes-users.ts';
import type { MutationEnableUserArgs } from '../generated/resolvers-types.ts';
import { enableAccount, findUserForUpdate } from '../repository/users.ts';

/** Lets a disabled account sign in again (ADMIN). Its profiles elsewhere stay as they are: staff bring a doctor back. */
export async function enableUser(ctx: UsersContext, { id }: MutationEnableUserArgs): Promise<UserRow> {
  const actor = requireRole(ctx.auth, 'ADMIN');
  if (!isUuid(id)) throw notFound('User', id);
  const userId = id.toLowerCase();
  return ctx.db.transaction(async (tx) => {
    const before = await findUserForUpdate(tx, userId);
    if (!before) throw notFound('User', userId);
    if (!before.disabledAt) return before;
    const user = (await enableAccount(tx, userId, new Date()))!;
    await publishUserEvent(tx, 'user.enabled', user);
    await recordAdminAction(tx, actor, { action: 'user.enable', entityType: 'User', entityId: user.id, changes: { disabledAt: null } });
    ctx.logger.info({ userId, by: actor.userId }, 'account enabled');
    return user;
  });
}
