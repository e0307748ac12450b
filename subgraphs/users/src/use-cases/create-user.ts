import { badUserInput, recordAdminAction, requireRole } from '@medappt/platform';
import type { UsersContext } from '../context.ts';
import type { UserRow } from '../db/schema.ts';
import type { CreateUserInput } from '../generated/resolvers-types.ts';
import { insertAccount, prepareAccount } from './new-account.ts';

/** An account of any role (ADMIN): how DOCTOR, STAFF and ADMIN accounts are made. */
export async function createUser(ctx: UsersContext, input: CreateUserInput): Promise<UserRow> {
  const actor = requireRole(ctx.auth, 'ADMIN');
  const account = await prepareAccount(input, input.role, 'input');
  return ctx.db.transaction(async (tx) => {
    const user = await insertAccount(tx, account, ctx.logger);
    if (!user) throw badUserInput('input.email', 'an account with this email already exists');
    await recordAdminAction(tx, actor, {
      action: 'user.create',
      entityType: 'User',
      entityId: user.id,
      changes: { email: user.email, name: user.name, role: user.role },
    });
    return user;
  });
}
