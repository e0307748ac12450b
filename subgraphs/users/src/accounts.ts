import { hash, verify } from '@node-rs/argon2';
import { badUserInput, forbidden, notFound, rateLimited, recordAdminAction, Topics, unauthenticated, writeEvent, type Logger, type Role, type SessionEndedV1, type Viewer } from '@medappt/platform';
import { createAccount, prepareAccount, publishUserEvent, type NewAccount, type PreparedAccount } from './account-creation.ts';
import type { UserRow } from './db/schema.ts';
import { emailProblem, normaliseEmail } from './domain/account-rules.ts';
import { decideThrottle, historyWindows, minutesInWords, type ThrottleLimits, type ThrottleScope } from './domain/login-throttle.ts';
import type { UsersDb, UsersDbOrTx } from './repository/db.ts';
import { attemptHistory, insertLoginAttempt, lockAttemptKeys, settleLoginAttempt, type LoginFailure } from './repository/login-attempts.ts';
import { findRefreshTokenForUpdate, insertRefreshToken, markRotated, revokeAllOf, revokeFamily } from './repository/refresh-tokens.ts';
import { anyActiveAdmin, disableAccount, enableAccount, findUserByEmail, findUserForUpdate, findUsersByIds, setRole } from './repository/users.ts';
import { openSession, type Caller, type Session } from './sessions.ts';
import { hashToken, type TokenIssuer } from './tokens/token-issuer.ts';

/** Every subgraph refuses the session's access tokens when it hears this (adr/012). */
async function publishSessionEnded(conn: UsersDbOrTx, userId: string, sessionId: string, reason: string, endedAt: Date): Promise<void> {
  const payload: SessionEndedV1 = { userId, sessionId, endedAt: endedAt.toISOString(), reason };
  await writeEvent(conn, Topics.users.name, { type: 'session.ended', key: userId, payload });
}

const INVALID_CREDENTIALS = 'Invalid email or password.';
// Verified against when the email is unknown, so both failures take as long (no account probing by timing).
const DUMMY_HASH = hash('not-a-real-password-for-timing');

// The same words whether or not the email has an account: throttling must not tell which exist.
const THROTTLED_FROM: Record<ThrottleScope, string> = {
  pair: 'for this account from your address',
  account: 'for this account',
  ip: 'from your address',
};

function throttledMessage(scope: ThrottleScope, retryAfterSeconds: number): string {
  return `Too many failed sign-in attempts ${THROTTLED_FROM[scope]}. Try again in ${minutesInWords(retryAfterSeconds)}.`;
}

/** Account use cases: validation, the repositories and token issue in one place; resolvers stay thin. */
export function createAccounts(deps: { db: UsersDb; tokens: TokenIssuer; throttle: ThrottleLimits; logger: Logger }) {
  const { db, tokens, throttle, logger } = deps;

  /** An account the email of which is free, or the clean error a form can show. */
  async function insertAccount(conn: UsersDbOrTx, account: PreparedAccount): Promise<UserRow> {
    const user = await createAccount(conn, account, logger);
    if (!user) throw badUserInput('input.email', 'an account with this email already exists');
    return user;
  }

  return {
    async createUser(actor: Viewer, input: NewAccount & { role: Role }): Promise<UserRow> {
      const account = await prepareAccount(input, input.role, 'input');
      return db.transaction(async (tx) => {
        const user = await insertAccount(tx, account);
        await recordAdminAction(tx, actor, { action: 'user.create', entityType: 'User', entityId: user.id, changes: { email: user.email, name: user.name, role: user.role } });
        return user;
      });
    },

    /** Disables an account (ADMIN): no more sign-ins or refreshes; other services hear of it. */
    async disableUser(actor: Viewer, userId: string): Promise<UserRow> {
      if (actor.userId === userId) throw forbidden('You cannot disable your own account; ask another admin.');
      return db.transaction(async (tx) => {
        const user = await disableAccount(tx, userId, new Date());
        if (!user) throw notFound('User', userId);
        await revokeAllOf(tx, userId, 'account disabled', new Date());
        await publishUserEvent(tx, 'user.disabled', user);
        await recordAdminAction(tx, actor, { action: 'user.disable', entityType: 'User', entityId: user.id, changes: { disabledAt: user.disabledAt } });
        logger.info({ userId, by: actor.userId }, 'account disabled');
        return user;
      });
    },

    /** Lets a disabled account sign in again (ADMIN). Its profiles elsewhere stay as they are: staff bring a doctor back. */
    async enableUser(actor: Viewer, userId: string): Promise<UserRow> {
      return db.transaction(async (tx) => {
        const before = await findUserForUpdate(tx, userId);
        if (!before) throw notFound('User', userId);
        if (!before.disabledAt) return before;
        const user = (await enableAccount(tx, userId, new Date()))!;
        await publishUserEvent(tx, 'user.enabled', user);
        await recordAdminAction(tx, actor, { action: 'user.enable', entityType: 'User', entityId: user.id, changes: { disabledAt: null } });
        logger.info({ userId, by: actor.userId }, 'account enabled');
        return user;
      });
    },

    /** Changes an account's role (ADMIN, never one's own: an admin cannot lock themselves out). */
    async setUserRole(actor: Viewer, userId: string, role: Role): Promise<UserRow> {
      if (actor.userId === userId) throw forbidden('You cannot change your own role; ask another admin.');
      return db.transaction(async (tx) => {
        const before = await findUserForUpdate(tx, userId);
        if (!before) throw notFound('User', userId);
        if (before.role === role) return before;
        const user = await setRole(tx, userId, role, new Date());
        await publishUserEvent(tx, 'user.role_changed', user);
        await recordAdminAction(tx, actor, { action: 'user.setRole', entityType: 'User', entityId: user.id, changes: { role, previousRole: before.role } });
        logger.info({ userId, role, previousRole: before.role, by: actor.userId }, 'account role changed');
        return user;
      });
    },

    async login(input: { email: string; password: string }, caller: Caller): Promise<Session> {
      const email = normaliseEmail(input.email);
      const problem = emailProblem(email);
      if (problem) throw badUserInput('input.email', problem);
      const key = { email, ip: caller.ip };

      // The attempt is counted before its password is checked, in a short transaction of its own:
      // parallel guesses queue on the lock and each sees the ones reserved before it.
      const { attemptId, decision } = await db.transaction(async (tx) => {
        await lockAttemptKeys(tx, key);
        const now = new Date();
        const decision = decideThrottle(await attemptHistory(tx, key, historyWindows(throttle, now)), throttle, now);
        const attemptId = await insertLoginAttempt(tx, { ...key, userAgent: caller.userAgent, requestId: caller.requestId, at: now, failure: decision.allowed ? 'PENDING' : 'THROTTLED' });
        return { attemptId, decision };
      });
      if (!decision.allowed) {
        logger.warn({ email, ip: caller.ip, scope: decision.scope }, 'login throttled');
        throw rateLimited(throttledMessage(decision.scope, decision.retryAfterSeconds), decision.retryAfterSeconds);
      }

      // A crash from here on leaves the attempt PENDING, which keeps counting as a failure.
      const settle = (userId: string | null, failure: LoginFailure | null) => settleLoginAttempt(db, attemptId, { userId, success: failure === null, failure });
      const user = await findUserByEmail(db, email);
      const passwordOk = await verify(user?.passwordHash ?? (await DUMMY_HASH), input.password);
      if (!user || !passwordOk) {
        await settle(user?.id ?? null, 'BAD_CREDENTIALS');
        throw unauthenticated(INVALID_CREDENTIALS);
      }
      if (user.disabledAt) {
        await settle(user.id, 'DISABLED');
        throw unauthenticated('This account is disabled. Contact the clinic.');
      }
      const session = await openSession(db, tokens, user);
      await settle(user.id, null);
      return session;
    },

    async refresh(refreshToken: string): Promise<Session> {
      const now = new Date();
      const outcome = await db.transaction(async (tx) => {
        const row = await findRefreshTokenForUpdate(tx, hashToken(refreshToken));
        if (!row) return { error: 'The refresh token is not valid. Sign in again.' } as const;
        if (row.revokedAt) return { error: 'This session has ended. Sign in again.' } as const;
        if (row.rotatedAt) {
          // A rotated token used again means two parties hold it: end every session of the family.
          const revoked = await revokeFamily(tx, row.familyId, 'reuse of a rotated refresh token', now);
          if (revoked > 0) await publishSessionEnded(tx, row.userId, row.familyId, 'refresh-token-reuse', now);
          logger.warn({ userId: row.userId, familyId: row.familyId, revoked }, 'refresh token reuse detected; session family revoked');
          return { error: 'This refresh token was already used. For your safety the session has been ended everywhere; sign in again.' } as const;
        }
        if (row.expiresAt <= now) return { error: 'The refresh token has expired. Sign in again.' } as const;
        const [user] = await findUsersByIds(tx, [row.userId]);
        if (!user || user.disabledAt) return { error: 'This account is disabled. Contact the clinic.' } as const;
        await markRotated(tx, row.id, now);
        const next = tokens.refreshToken(now);
        await insertRefreshToken(tx, { userId: user.id, familyId: row.familyId, hash: next.hash, expiresAt: next.expiresAt });
        return { user, next, familyId: row.familyId } as const;
      });
      if ('error' in outcome) throw unauthenticated(outcome.error);
      const access = await tokens.accessToken(outcome.user, outcome.familyId, now);
      return {
        accessToken: access.token,
        accessTokenExpiresAt: access.expiresAt,
        refreshToken: outcome.next.token,
        refreshTokenExpiresAt: outcome.next.expiresAt,
        user: outcome.user,
      };
    },

    /**
     * Ends the session the token belongs to, and its access tokens everywhere within seconds
     * (`session.ended`); unknown or already-ended tokens are not an error.
     */
    async logout(refreshToken: string): Promise<boolean> {
      return db.transaction(async (tx) => {
        const row = await findRefreshTokenForUpdate(tx, hashToken(refreshToken));
        if (row && !row.revokedAt) {
          const now = new Date();
          await revokeFamily(tx, row.familyId, 'logout', now);
          await publishSessionEnded(tx, row.userId, row.familyId, 'logout', now);
        }
        return true;
      });
    },

    /** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD unless an active admin exists. */
    async ensureFirstAdmin(admin: { email?: string | undefined; password?: string | undefined; name: string }): Promise<void> {
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
      const account = await prepareAccount({ email: admin.email!, password: admin.password!, name: admin.name }, 'ADMIN', 'ADMIN');
      await db.transaction((tx) => createAccount(tx, account, logger));
      logger.info({ email: normaliseEmail(admin.email) }, 'first admin account created');
    },
  };
}
export type Accounts = ReturnType<typeof createAccounts>;
