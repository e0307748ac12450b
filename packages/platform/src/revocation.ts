import { parsePayloadV1, type EventEnvelope } from './events/envelope.ts';
import { sessionEndedV1, userEventV1 } from './events/catalog.ts';

/** What the denylist needs of a verified access token. */
export interface TokenFacts {
  readonly userId: string;
  /** The session (refresh-token family) the token belongs to; tokens issued before `sid` existed have none. */
  readonly sessionId?: string | undefined;
  /** `iat`, in seconds since the epoch (JWT precision). */
  readonly issuedAt?: number | undefined;
}

export type Refusal = 'disabled' | 'role-changed' | 'session-ended' | 'too-old';

export const REFUSAL_MESSAGES: Record<Refusal, string> = {
  disabled: 'This account is disabled.',
  'role-changed': 'The role of this account changed: call refreshToken for a token with the new role.',
  'session-ended': 'This session has ended; sign in again.',
  'too-old': 'The access token is older than this service accepts: call refreshToken to get a new one.',
};

/**
 * Revocations of the last `retentionMs` (the access-token lifetime plus clock skew): nothing older
 * can matter, since every token issued before it has expired. Pure: times are passed in.
 */
export interface Denylist {
  userDisabled(userId: string, at: number, now: number): void;
  /** A token issued before a role change carries the old role: refused like a disabled one, saying why. */
  roleChanged(userId: string, at: number, now: number): void;
  sessionEnded(sessionId: string, at: number, now: number): void;
  refusal(token: TokenFacts, now: number): Refusal | null;
  prune(now: number): void;
  readonly size: number;
}

export function createDenylist(options: { retentionMs: number }): Denylist {
  const { retentionMs } = options;
  const disabledUsers = new Map<string, number>();
  const endedSessions = new Map<string, number>();
  const changedRoles = new Map<string, number>();
  const live = (at: number, now: number): boolean => at + retentionMs > now;
  // Keep the latest time: disabled, re-enabled, disabled again must refuse tokens issued before the last one.
  const record = (map: Map<string, number>, key: string, at: number, now: number): void => {
    if (!live(at, now)) return;
    map.set(key, Math.max(at, map.get(key) ?? at));
  };
  const current = (map: Map<string, number>, key: string, now: number): number | undefined => {
    const at = map.get(key);
    if (at === undefined) return undefined;
    if (live(at, now)) return at;
    map.delete(key);
    return undefined;
  };
  return {
    userDisabled: (userId, at, now) => record(disabledUsers, userId, at, now),
    sessionEnded: (sessionId, at, now) => record(endedSessions, sessionId, at, now),
    roleChanged: (userId, at, now) => record(changedRoles, userId, at, now),
    refusal(token, now) {
      // iat is floored to the second, so `issuedAtMs <= at` holds for every token issued before the
      // revocation (never lets one through); one issued after a re-enable within the same second is
      // refused too, and a refresh a second later fixes that.
      const issuedAtMs = (token.issuedAt ?? 0) * 1000;
      const disabledAt = current(disabledUsers, token.userId, now);
      if (disabledAt !== undefined && issuedAtMs <= disabledAt) return 'disabled';
      const roleChangedAt = current(changedRoles, token.userId, now);
      if (roleChangedAt !== undefined && issuedAtMs <= roleChangedAt) return 'role-changed';
      if (token.sessionId && current(endedSessions, token.sessionId, now) !== undefined) return 'session-ended';
      // A token older than the retention may have been revoked before what this list remembers
      // (the users subgraph was given a longer lifetime than this service): refuse rather than guess.
      if (issuedAtMs + retentionMs <= now) return 'too-old';
      return null;
    },
    prune(now) {
      for (const map of [disabledUsers, endedSessions, changedRoles]) for (const [key, at] of map) if (!live(at, now)) map.delete(key);
    },
    get size() {
      return disabledUsers.size + endedSessions.size + changedRoles.size;
    },
  };
}

/**
 * Applies one `users.events.v1` event to the denylist; returns what it recorded, or null for
 * types that revoke nothing (`user.created`, and a future `user.enabled`: tokens issued before
 * the disable stay refused, and newer ones pass because the disable time is compared with `iat`).
 */
export function applyRevocationEvent(denylist: Denylist, event: EventEnvelope, now: number): 'user' | 'session' | null {
  if (event.type === 'user.disabled') {
    const payload = parsePayloadV1(event, userEventV1);
    denylist.userDisabled(payload.userId, Date.parse(payload.disabledAt ?? event.occurredAt), now);
    return 'user';
  }
  if (event.type === 'user.role_changed') {
    const payload = parsePayloadV1(event, userEventV1);
    denylist.roleChanged(payload.userId, Date.parse(event.occurredAt), now);
    return 'user';
  }
  if (event.type === 'session.ended') {
    const payload = parsePayloadV1(event, sessionEndedV1);
    denylist.sessionEnded(payload.sessionId, Date.parse(payload.endedAt), now);
    return 'session';
  }
  return null;
}
