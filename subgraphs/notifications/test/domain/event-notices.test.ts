import { describe, expect, it } from 'vitest';
import { noticeIsTimely, noticesFor, reminderActionFor } from '../../src/domain/event-notices.ts';

describe('noticesFor', () => {
  it.each([
    ['appointment.requested', 'REQUESTED', 'PATIENT', ['patient:BOOKING_RECEIVED', 'doctor:APPOINTMENT_REQUEST']],
    ['appointment.requested', 'CONFIRMED', 'STAFF', ['patient:APPOINTMENT_CONFIRMED', 'doctor:APPOINTMENT_REQUEST']],
    ['appointment.confirmed', 'CONFIRMED', 'DOCTOR', ['patient:APPOINTMENT_CONFIRMED']],
    ['appointment.declined', 'DECLINED', 'DOCTOR', ['patient:APPOINTMENT_DECLINED']],
    ['appointment.cancelled', 'CANCELLED', 'PATIENT', ['doctor:APPOINTMENT_CANCELLED']],
    ['appointment.cancelled', 'CANCELLED', 'DOCTOR', ['patient:APPOINTMENT_CANCELLED']],
    ['appointment.cancelled', 'CANCELLED', 'STAFF', ['patient:APPOINTMENT_CANCELLED', 'doctor:APPOINTMENT_CANCELLED']],
    ['appointment.cancelled', 'CANCELLED', undefined, ['patient:APPOINTMENT_CANCELLED', 'doctor:APPOINTMENT_CANCELLED']],
    ['appointment.rescheduled', 'CONFIRMED', 'PATIENT', ['doctor:APPOINTMENT_RESCHEDULED']],
    ['appointment.rescheduled', 'REQUESTED', 'ADMIN', ['patient:APPOINTMENT_RESCHEDULED', 'doctor:APPOINTMENT_RESCHEDULED']],
    ['appointment.completed', 'COMPLETED', 'DOCTOR', []],
    ['appointment.no_show', 'NO_SHOW', 'DOCTOR', []],
    ['slot.freed', 'CANCELLED', 'DOCTOR', []],
  ] as const)('%s (%s by %s) → %j', (type, status, actorRole, expected) => {
    expect(noticesFor(type, { status, actorRole }).map((n) => `${n.recipient}:${n.type}`)).toEqual(expected);
  });
});

describe('reminderActionFor', () => {
  it.each([
    ['REQUESTED', 'drop'],
    ['CONFIRMED', 'plan'],
    ['DECLINED', 'drop'],
    ['CANCELLED', 'drop'],
    ['COMPLETED', 'drop'],
    ['NO_SHOW', 'drop'],
  ] as const)('%s → %s', (status, action) => expect(reminderActionFor(status)).toBe(action));
});

describe('noticeIsTimely', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const DAY = 86_400_000;
  it.each([
    ['just happened, visit tomorrow', '2026-11-23T09:59:59Z', '2026-11-24T09:00:00Z', true],
    ['a day old exactly, visit ahead', '2026-11-22T10:00:00Z', '2026-11-24T09:00:00Z', true],
    ['older than a day (catching up on history)', '2026-11-22T09:59:59Z', '2026-11-24T09:00:00Z', false],
    ['fresh, but the visit has begun', '2026-11-23T09:59:00Z', '2026-11-23T10:00:00Z', false],
    ['fresh, visit in a minute', '2026-11-23T09:59:00Z', '2026-11-23T10:01:00Z', true],
  ])('%s → %s', (_name, occurredAt, startAt, expected) => {
    expect(noticeIsTimely(new Date(occurredAt), new Date(startAt), now, DAY)).toBe(expected);
  });
});
