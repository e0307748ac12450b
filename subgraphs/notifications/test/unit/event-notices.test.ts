import { describe, expect, it } from 'vitest';
import {
  changesDoctor,
  eventIsFresh,
  feedbackClosesAt,
  mayHaveReminders,
  noticeDeadline,
  noticeIsTimely,
  noticesFor,
  reminderActionFor,
} from '../../src/domain/event-notices.ts';

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
    // A completed visit may be rated: its patient is invited, whoever recorded it.
    ['appointment.completed', 'COMPLETED', 'DOCTOR', ['patient:FEEDBACK_INVITE']],
    ['appointment.completed', 'COMPLETED', 'STAFF', ['patient:FEEDBACK_INVITE']],
    ['appointment.completed', 'COMPLETED', undefined, ['patient:FEEDBACK_INVITE']],
    ['appointment.no_show', 'NO_SHOW', 'DOCTOR', []],
    ['slot.freed', 'CANCELLED', 'DOCTOR', []],
  ] as const)('%s (%s by %s) → %j', (type, status, actorRole, expected) => {
    expect(noticesFor(type, { status, actorRole }).map((n) => `${n.recipient}:${n.type}`)).toEqual(expected);
  });
});

describe('noticesFor: a move to another doctor', () => {
  const [oldDoctor, newDoctor] = ['00000000-0000-4000-8000-00000000000a', '00000000-0000-4000-8000-00000000000b'];
  it.each([
    ['STAFF', ['patient:APPOINTMENT_RESCHEDULED', 'previousDoctor:APPOINTMENT_CANCELLED', 'doctor:APPOINTMENT_REQUEST']],
    ['PATIENT', ['previousDoctor:APPOINTMENT_CANCELLED', 'doctor:APPOINTMENT_REQUEST']],
    // Only the appointment's own doctor may move it: they handed it on and need no notice of it.
    ['DOCTOR', ['patient:APPOINTMENT_RESCHEDULED', 'doctor:APPOINTMENT_REQUEST']],
    [undefined, ['patient:APPOINTMENT_RESCHEDULED', 'previousDoctor:APPOINTMENT_CANCELLED', 'doctor:APPOINTMENT_REQUEST']],
  ] as const)('moved by %s → %j', (actorRole, expected) => {
    const payload = { status: 'REQUESTED', actorRole, doctorId: newDoctor, previousDoctorId: oldDoctor } as const;
    expect(noticesFor('appointment.rescheduled', payload).map((n) => `${n.recipient}:${n.type}`)).toEqual(expected);
  });

  it.each([
    ['the same doctor', { doctorId: oldDoctor, previousDoctorId: oldDoctor }, ['doctor:APPOINTMENT_RESCHEDULED']],
    ['an older event without previousDoctorId', { doctorId: newDoctor }, ['doctor:APPOINTMENT_RESCHEDULED']],
  ] as const)('a move within %s stays a move', (_what, doctors, expected) => {
    expect(noticesFor('appointment.rescheduled', { status: 'REQUESTED', actorRole: 'PATIENT', ...doctors }).map((n) => `${n.recipient}:${n.type}`)).toEqual(
      expected,
    );
  });

  it('is no doctor change on any other event', () => {
    expect(changesDoctor('appointment.cancelled', { doctorId: newDoctor, previousDoctorId: oldDoctor })).toBe(false);
    expect(changesDoctor('appointment.rescheduled', { doctorId: newDoctor, previousDoctorId: oldDoctor })).toBe(true);
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

describe('mayHaveReminders', () => {
  it('is false only at the request that created the appointment (no previous status)', () => {
    expect(mayHaveReminders({ previousStatus: null })).toBe(false);
    expect(mayHaveReminders({ previousStatus: 'CONFIRMED' })).toBe(true);
    expect(mayHaveReminders({ previousStatus: 'REQUESTED' })).toBe(true);
  });

  it('is true for events from before previousStatus was published', () => {
    expect(mayHaveReminders({})).toBe(true);
  });
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

describe('eventIsFresh', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  it.each([
    ['just happened', '2026-11-23T09:59:59Z', true],
    ['a day old exactly', '2026-11-22T10:00:00Z', true],
    ['older than a day (catching up on history)', '2026-11-22T09:59:59Z', false],
  ])('%s → %s', (_name, occurredAt, expected) => {
    expect(eventIsFresh(new Date(occurredAt), now, 86_400_000)).toBe(expected);
  });
});

describe('noticeDeadline', () => {
  const visit = { startAt: new Date('2026-11-23T09:00:00Z'), occurredAt: new Date('2026-11-23T10:00:00Z') };
  it.each([
    // The invitation runs as long as the visit may be rated: from its completion, the window's days.
    ['FEEDBACK_INVITE', 30, '2026-12-23T10:00:00.000Z'],
    ['FEEDBACK_INVITE', 7, '2026-11-30T10:00:00.000Z'],
    // Any other notice about a visit is pointless once it has begun.
    ['APPOINTMENT_CONFIRMED', 30, '2026-11-23T09:00:00.000Z'],
    ['APPOINTMENT_CANCELLED', 30, '2026-11-23T09:00:00.000Z'],
  ] as const)('%s (window %s days) → %s', (type, days, deadline) => {
    expect(noticeDeadline(type, visit, days).toISOString()).toBe(deadline);
  });

  it('counts 24-hour days from the completion, as the feedback subgraph does (across a DST change too)', () => {
    expect(feedbackClosesAt(new Date('2026-10-20T08:00:00Z'), 30).toISOString()).toBe('2026-11-19T08:00:00.000Z');
  });
});
