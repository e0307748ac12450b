import { describe, expect, it } from 'vitest';
import { applyRevocationEvent, createDenylist, createEnvelope, PoisonMessageError, type Refusal, type TokenFacts } from '../../src/index.ts';

const RETENTION = 960_000; // 15 min lifetime + 1 min skew
const T = Date.parse('2026-12-01T10:00:00.000Z');
const sec = (ms: number): number => Math.floor(ms / 1000);
const USER = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const SID = '33333333-3333-4333-8333-333333333333';
const SID2 = '44444444-4444-4444-8444-444444444444';

type Revocation = { disabled?: number; ended?: number; roleChanged?: number };

describe('denylist refusal', () => {
  it.each<[string, Revocation, TokenFacts, number, Refusal | null]>([
    ['nothing revoked', {}, { userId: USER, sessionId: SID, issuedAt: sec(T) }, T + 1000, null],
    ['token issued before the disable', { disabled: T }, { userId: USER, sessionId: SID, issuedAt: sec(T - 60_000) }, T + 1000, 'disabled'],
    ['token issued in the same second, before the disable', { disabled: T + 700 }, { userId: USER, issuedAt: sec(T + 300) }, T + 1000, 'disabled'],
    ['token issued after a re-enable', { disabled: T }, { userId: USER, sessionId: SID2, issuedAt: sec(T + 5000) }, T + 6000, null],
    ['another user is disabled', { disabled: T }, { userId: OTHER, sessionId: SID, issuedAt: sec(T - 1000) }, T + 1000, null],
    ['token without sid is still refused for a disabled user', { disabled: T }, { userId: USER, issuedAt: sec(T - 1000) }, T + 1000, 'disabled'],
    ['token of the ended session', { ended: T }, { userId: USER, sessionId: SID, issuedAt: sec(T - 1000) }, T + 1000, 'session-ended'],
    ['another session of the same user', { ended: T }, { userId: USER, sessionId: SID2, issuedAt: sec(T - 1000) }, T + 1000, null],
    ['token without sid is not touched by a session end', { ended: T }, { userId: USER, issuedAt: sec(T - 1000) }, T + 1000, null],
    [
      'once a disable is forgotten, the tokens it concerned are too old anyway',
      { disabled: T },
      { userId: USER, issuedAt: sec(T - 1000) },
      T + RETENTION + 1,
      'too-old',
    ],
    ['a token older than the retention is refused, whatever was revoked', {}, { userId: USER, issuedAt: sec(T) }, T + RETENTION, 'too-old'],
    ['a token without iat counts as too old', {}, { userId: USER }, T, 'too-old'],
    [
      'a token issued before a role change carries the old role',
      { roleChanged: T },
      { userId: USER, sessionId: SID, issuedAt: sec(T - 1000) },
      T + 1000,
      'role-changed',
    ],
    ['a token issued after the role change carries the new one', { roleChanged: T }, { userId: USER, sessionId: SID, issuedAt: sec(T + 2000) }, T + 3000, null],
  ])('%s', (_name, revoked, token, now, expected) => {
    const list = createDenylist({ retentionMs: RETENTION });
    if (revoked.disabled !== undefined) list.userDisabled(USER, revoked.disabled, T);
    if (revoked.ended !== undefined) list.sessionEnded(SID, revoked.ended, T);
    if (revoked.roleChanged !== undefined) list.roleChanged(USER, revoked.roleChanged, T);
    expect(list.refusal(token, now)).toBe(expected);
  });

  it('keeps the latest disable: disabled, re-enabled, disabled again', () => {
    const list = createDenylist({ retentionMs: RETENTION });
    list.userDisabled(USER, T + 10_000, T + 10_000);
    list.userDisabled(USER, T, T + 10_000); // an older event read late changes nothing
    expect(list.refusal({ userId: USER, issuedAt: sec(T + 5000) }, T + 11_000)).toBe('disabled');
  });

  it('does not record what is already past the retention, and prunes what expires', () => {
    const list = createDenylist({ retentionMs: RETENTION });
    list.userDisabled(USER, T - RETENTION, T);
    expect(list.size).toBe(0);
    list.userDisabled(USER, T, T);
    list.sessionEnded(SID, T + 1000, T + 1000);
    expect(list.size).toBe(2);
    list.prune(T + RETENTION);
    expect(list.size).toBe(1);
    list.prune(T + 1000 + RETENTION);
    expect(list.size).toBe(0);
  });
});

describe('applyRevocationEvent', () => {
  const user = { userId: USER, role: 'PATIENT', name: 'Pat', email: 'p@example.com' };
  it.each<[string, { type: string; payload: unknown }, 'user' | 'session' | null]>([
    ['user.disabled records the user', { type: 'user.disabled', payload: { ...user, disabledAt: new Date(T).toISOString() } }, 'user'],
    [
      'session.ended records the session',
      { type: 'session.ended', payload: { userId: USER, sessionId: SID, endedAt: new Date(T).toISOString(), reason: 'logout' } },
      'session',
    ],
    [
      'session.ended without a reason still parses',
      { type: 'session.ended', payload: { userId: USER, sessionId: SID, endedAt: new Date(T).toISOString() } },
      'session',
    ],
    ['user.created revokes nothing', { type: 'user.created', payload: { ...user, disabledAt: null } }, null],
    ['a future user.enabled revokes nothing', { type: 'user.enabled', payload: { ...user, disabledAt: null } }, null],
  ])('%s', (_name, event, expected) => {
    const list = createDenylist({ retentionMs: RETENTION });
    expect(applyRevocationEvent(list, createEnvelope({ ...event, key: USER }), T)).toBe(expected);
    expect(list.size).toBe(expected ? 1 : 0);
  });

  it('refuses a malformed payload as poison', () => {
    const list = createDenylist({ retentionMs: RETENTION });
    const event = createEnvelope({ type: 'session.ended', key: USER, payload: { userId: USER } });
    expect(() => applyRevocationEvent(list, event, T)).toThrow(PoisonMessageError);
  });
});
