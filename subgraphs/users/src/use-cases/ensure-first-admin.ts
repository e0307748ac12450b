import type { UsersContext } from '../context.ts';
import { normaliseEmail } from '../domain/account-rules.ts';
import { anyActiveAdmin, findUserByEmail } from '../repository/users.ts';
import { insertAccount, prepareAccount } from './new-account.ts';

/**
 * Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD unless an active admin exists. Run at
 * start, before any request: it needs only the database and the logger of the context.
 */
export async function ensureFirstAdmin(
  ctx: Pick<UsersContext, 'db' | 'logger'>,
  admin: { email?: string | undefined; password?: string | undefined; name: string },
): Promise<void> {
  const { db, logger } = ctx;
  if (!admin.email || !admin.password) {
    if (!(await anyActiveAdmin(db))) logger.warn('no admin account exists: set ADMIN_EMAIL and ADMIN_PASSWORD to create one');
    return;
  }
  if (await anyActiveAdmin(db)) return;
  const existing = await findUserByEmail(db, normaliseEmail(admin.email));
  if (existing) {
    logger.warn({ email: existing.email }, 'ADMIN_EMAIL belongs to a non-admin account; no admin created');
    return;
  }
  const account = await prepareAccount({ email: admin.email, password: admin.password, name: admin.name }, 'ADMIN', 'ADMIN');
  await db.transaction((tx) => insertAccount(tx, account, logger));
  logger.info({ email: normaliseEmail(admin.email) }, 'first admin account created');
}
