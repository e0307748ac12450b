import { forbidden, isUuid, notFound, recordAdminAction, requireRole } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import { publishUserEvent } from '../events/publishes-users.ts';
import type { MutationDisableUserArgs } from '../generated/resolvers-types.ts';
import { revokeAllOf } from '../repository/refresh-tokens.ts';
import { disableAccount } from '../repository/users.ts';

/** Disables an account (ADMIN, not one's own): no more sign-ins or refreshes, its sessions end; other services hear of it. */
export async function disableUser(ctx: UsersContext, { id }: MutationDisableUserArgs): Promise<UserRow> {
  const actor = requireRole(ctx.auth, 'ADMIN');
  if (!isUuid(id)) throw notFound('User', id);
  // The id as typed may be in capitals: compared as typed, an admin could disable themself.
  const userId = id.toLowerCase();
  if (actor.userId === userId) throw forbidden('You cannot disable your own account; ask another admin.');
  return ctx.db.transaction(async (tx) => {
    const user = await disableAccount(tx, userId, new Date());
    if (!user) throw notFound('User', userId);
    await revokeAllOf(tx, userId, 'account disabled', new Date());
    await publishUserEvent(tx, 'user.disabled', user);
    await recordAdminAction(tx, actor, { action: 'user.disable', entityType: 'User', entityId: user.id, changes: { disabledAt: user.disabledAt } });
    ctx.logger.info({ userId, by: actor.userId }, 'account disabled');
    return user;
  });
}
