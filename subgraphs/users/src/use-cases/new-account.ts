import { hash } from '@node-rs/argon2';
import { rejectProblems, type Logger, type Role } from '@medappt/platform';
import type { UserRow } from '../db/schema.ts';
import { accountProblems, normaliseEmail, type NewAccount } from '../domain/account-rules.ts';
import { publishUserEvent } from '../events/publishes-users.ts';
import type { UsersDbOrTx } from '../repository/db.ts';
import { insertUser } from '../repository/users.ts';

/** The step every way of making an account shares (createUser, sign-up, the first admin). */

/** Checked and hashed, ready to insert. */
export interface PreparedAccount {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

/** Checks the input (its problems named under `at`) and hashes the password: before any transaction, so no connection waits on argon2. */
export async function prepareAccount(input: NewAccount, role: Role, at: string): Promise<PreparedAccount> {
  rejectProblems(accountProblems(input), at);
  return { email: normaliseEmail(input.email), name: input.name.trim(), role, passwordHash: await hash(input.password) };
}

/** Inserts the account and its `user.created`; null when the email already has one. */
export async function insertAccount(conn: UsersDbOrTx, account: PreparedAccount, logger: Logger): Promise<UserRow | null> {
  const user = await insertUser(conn, account);
  if (!user) return null;
  await publishUserEvent(conn, 'user.created', user);
  logger.info({ userId: user.id, role: account.role }, 'account created');
  return user;
}
