import { hash } from '@node-rs/argon2';
import { badUserInput, Topics, writeEvent, type Logger, type Role, type UserEventV1 } from '@medappt/platform';
import type { UserRow } from './db/schema.ts';
import { emailProblem, nameProblem, normaliseEmail, passwordProblem } from './domain/account-rules.ts';
import type { UsersDbOrTx } from './repository/db.ts';
import { insertUser } from './repository/users.ts';

export interface NewAccount {
  email: string;
  password: string;
  name: string;
}

/** Checked and hashed, ready to insert. */
export interface PreparedAccount {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export type UserEventType = 'user.created' | 'user.disabled' | 'user.enabled' | 'user.role_changed';

export async function publishUserEvent(conn: UsersDbOrTx, type: UserEventType, user: UserRow): Promise<void> {
  const payload: UserEventV1 = { userId: user.id, role: user.role, name: user.name, email: user.email, disabledAt: user.disabledAt?.toISOString() ?? null };
  await writeEvent(conn, Topics.users.name, { type, key: user.id, payload });
}

/** Checks the input and hashes the password: before any transaction, so no connection waits on argon2. */
export async function prepareAccount(input: NewAccount, role: Role, prefix: string): Promise<PreparedAccount> {
  const problems: [string, string | null][] = [
    [`${prefix}.email`, emailProblem(input.email)],
    [`${prefix}.password`, passwordProblem(input.password)],
    [`${prefix}.name`, nameProblem(input.name)],
  ];
  for (const [field, problem] of problems) if (problem) throw badUserInput(field, problem);
  return { email: normaliseEmail(input.email), name: input.name.trim(), role, passwordHash: await hash(input.password) };
}

/** Inserts the account and its `user.created`; null when the email already has one. */
export async function createAccount(conn: UsersDbOrTx, account: PreparedAccount, logger: Logger): Promise<UserRow | null> {
  const user = await insertUser(conn, account);
  if (!user) return null;
  await publishUserEvent(conn, 'user.created', user);
  logger.info({ userId: user.id, role: account.role }, 'account created');
  return user;
}
