import { sql, type SQL } from 'drizzle-orm';
import { bigserial, boolean, index, integer, pgEnum, pgTable, text, timestamp, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

export { adminActions, outbox, type AdminActionRow } from '@medappt/platform';

export const role = pgEnum('role', ['PATIENT', 'DOCTOR', 'STAFF', 'ADMIN']);

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const users = pgTable(
  'users',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    /** Stored trimmed and lower-cased: one account per address however it is typed. */
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: role('role').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: instant('disabled_at'),
    createdAt: instant('created_at').notNull().defaultNow(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  // The admin list pages by (name, id).
  (t) => [index('users_name_id_idx').on(t.name, t.id)],
);

export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** All tokens rotated from one login share a family; reuse of a rotated one revokes the family. */
    familyId: uuid('family_id').notNull(),
    /** sha256 of the token: a leaked table does not leak usable tokens. */
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: instant('expires_at').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
    rotatedAt: instant('rotated_at'),
    revokedAt: instant('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [index('refresh_tokens_family_idx').on(t.familyId)],
);

/**
 * A failed attempt that counts towards throttling (being checked, or checked and refused), and a
 * successful one. Literal SQL, no parameters: queries must repeat the partial indexes' predicates
 * for the planner to use them.
 */
export const countsTowardsThrottle = (t: { success: AnyPgColumn; failure: AnyPgColumn }): SQL => sql`${t.success} = false and ${t.failure} <> 'THROTTLED'`;
export const succeeded = (t: { success: AnyPgColumn }): SQL => sql`${t.success}`;

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    email: text('email').notNull(),
    userId: uuid('user_id'),
    ip: text('ip').notNull(),
    userAgent: text('user_agent'),
    success: boolean('success').notNull(),
    failure: text('failure'),
    requestId: text('request_id'),
    at: instant('at').notNull().defaultNow(),
  },
  (t) => {
    // Throttling reads only failures that count and successes, both bounded by the limits; the
    // partial indexes keep a flood of THROTTLED rows (cheap for an attacker to make) out of its reads.
    const counts = countsTowardsThrottle(t);
    return [
      index('login_attempts_email_at_idx').on(t.email, t.at),
      index('login_attempts_ip_at_idx').on(t.ip, t.at),
      index('login_attempts_counted_email_at_idx').on(t.email, t.at).where(counts),
      index('login_attempts_counted_ip_at_idx').on(t.ip, t.at).where(counts),
      index('login_attempts_success_email_ip_at_idx').on(t.email, t.ip, t.at).where(succeeded(t)),
    ];
  },
);

/** NEW: the address had no account, the email holds a sign-up link. TAKEN: it had one, the email says so. */
export const signUpKind = pgEnum('sign_up_kind', ['NEW', 'TAKEN']);

/**
 * A sign-up waiting for its email to be proven (adr/009). The account is created only when the link
 * is used. The link's token is made when the email is sent and only its sha256 is kept, so the
 * secret is never stored, logged or published.
 */
export const pendingSignUps = pgTable(
  'pending_sign_ups',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    email: text('email').notNull(),
    kind: signUpKind('kind').notNull(),
    /** Only for NEW: what the account is created with. */
    name: text('name'),
    passwordHash: text('password_hash'),
    ip: text('ip').notNull(),
    requestId: text('request_id'),
    createdAt: instant('created_at').notNull().defaultNow(),
    expiresAt: instant('expires_at').notNull(),
    tokenHash: text('token_hash').unique(),
    /** When the mail worker should (try to) send; null once sent or given up. */
    nextSendAt: instant('next_send_at'),
    sendAttempts: integer('send_attempts').notNull().default(0),
    sentAt: instant('sent_at'),
    lastError: text('last_error'),
    completedAt: instant('completed_at'),
  },
  (t) => [
    index('pending_sign_ups_email_created_idx').on(t.email, t.createdAt),
    index('pending_sign_ups_ip_created_idx').on(t.ip, t.createdAt),
    index('pending_sign_ups_due_idx')
      .on(t.nextSendAt)
      .where(sql`${t.nextSendAt} is not null`),
  ],
);

export type UserRow = typeof users.$inferSelect;
export type PendingSignUpRow = typeof pendingSignUps.$inferSelect;
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
export type RefreshTokenRow = typeof refreshTokens.$inferSelect;
