import { Topics, writeEvent } from '@medappt/platform';
import type { UserRow } from '../db/schema.ts';
import type { UsersDbOrTx } from '../repository/db.ts';

/**
 * What this subgraph publishes on users.events.v1, keyed by user id, written to the outbox in the
 * transaction of the change it reports. No credentials, ever.
 */

export type UserEventType = 'user.created' | 'user.disabled' | 'user.enabled' | 'user.role_changed';

/** The account as it is now, after the change `type` names. */
export async function publishUserEvent(conn: UsersDbOrTx, type: UserEventType, user: UserRow): Promise<void> {
  const payload = { userId: user.id, role: user.role, name: user.name, email: user.email, disabledAt: user.disabledAt?.toISOString() ?? null };
  await writeEvent(conn, Topics.users.name, { type, key: user.id, payload });
}

/** Every subgraph refuses the session's access tokens when it hears this (adr/012). */
export async function publishSessionEnded(conn: UsersDbOrTx, session: { userId: string; sessionId: string; reason: string; endedAt: Date }): Promise<void> {
  const payload = { userId: session.userId, sessionId: session.sessionId, endedAt: session.endedAt.toISOString(), reason: session.reason };
  await writeEvent(conn, Topics.users.name, { type: 'session.ended', key: session.userId, payload });
}
