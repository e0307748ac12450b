import { describe, expect, it } from 'vitest';
import { problemOf } from './problem.ts';
import type { ChannelPreferences } from '../../src/domain/preference-rules.ts';
import type { DueReminder } from '../../src/domain/reminder-rules.ts';
import {
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  mayReadReminders,
  reminderSchedule,
  reminderView,
  triageDueReminders,
  validateReminderOffsets,
} from '../../src/domain/reminder-rules.ts';

const START = new Date('2026-06-10T09:00:00Z');
const minutesBefore = (minutes: number, start = START) => new Date(start.getTime() - minutes * 60_000);

describe('reminderSchedule', () => {
  it.each<[string, readonly number[], Date, [number, string][]]>([
    [
      'booked days ahead: both defaults',
      DEFAULT_REMINDER_OFFSETS_MINUTES,
      minutesBefore(3 * 1440),
      [
        [1440, '2026-06-09T09:00:00.000Z'],
        [60, '2026-06-10T08:00:00.000Z'],
      ],
    ],
    ['booked for later today: only the 1-hour reminder', DEFAULT_REMINDER_OFFSETS_MINUTES, minutesBefore(300), [[60, '2026-06-10T08:00:00.000Z']]],
    ['booked within the hour: none', DEFAULT_REMINDER_OFFSETS_MINUTES, minutesBefore(30), []],
    ['due exactly now: not scheduled', [60], minutesBefore(60), []],
    [
      'unsorted offsets come out by due time',
      [60, 10080, 1440],
      minutesBefore(20160),
      [
        [10080, '2026-06-03T09:00:00.000Z'],
        [1440, '2026-06-09T09:00:00.000Z'],
        [60, '2026-06-10T08:00:00.000Z'],
      ],
    ],
    ['repeated offsets once', [60, 60], minutesBefore(600), [[60, '2026-06-10T08:00:00.000Z']]],
    ['no offsets', [], minutesBefore(600), []],
  ])('%s', (_what, offsets, now, expected) => {
    expect(reminderSchedule(START, offsets, now).map((r) => [r.offsetMinutes, r.dueAt.toISOString()])).toEqual(expected);
  });
});

const reminder = (id: string, appointmentId: string, offsetMinutes: number, start = START): DueReminder => ({
  id,
  appointmentId,
  offsetMinutes,
  dueAt: minutesBefore(offsetMinutes, start),
  startAt: start,
});

describe('triageDueReminders', () => {
  const other = new Date('2026-06-10T15:00:00Z');
  it.each<[string, DueReminder[], Date, string[], [string, string][]]>([
    // what, due reminders, now, ids sent, [id, reason] dropped
    ['on time', [reminder('a', 'x', 60)], minutesBefore(60), ['a'], []],
    ['late, the visit still ahead', [reminder('a', 'x', 1440)], minutesBefore(90), ['a'], []],
    ['late by hours, minutes before the visit', [reminder('a', 'x', 60)], minutesBefore(1), ['a'], []],
    ['the visit has started', [reminder('a', 'x', 60)], START, [], [['a', 'visit already started']]],
    [
      'the visit is over',
      [reminder('a', 'x', 1440), reminder('b', 'x', 60)],
      minutesBefore(-120),
      [],
      [
        ['a', 'visit already started'],
        ['b', 'visit already started'],
      ],
    ],
    [
      'both due after an outage: only the later one',
      [reminder('a', 'x', 1440), reminder('b', 'x', 60)],
      minutesBefore(30),
      ['b'],
      [['a', 'superseded by the 60-minute reminder']],
    ],
    [
      'the later one listed first',
      [reminder('b', 'x', 60), reminder('c', 'x', 10080), reminder('a', 'x', 1440)],
      minutesBefore(30),
      ['b'],
      [
        ['c', 'superseded by the 60-minute reminder'],
        ['a', 'superseded by the 60-minute reminder'],
      ],
    ],
    ['a not-yet-due reminder neither supersedes nor is triaged', [reminder('a', 'x', 1440), reminder('b', 'x', 60)], minutesBefore(120), ['a'], []],
    ['a duplicate row', [reminder('a', 'x', 60), reminder('b', 'x', 60)], minutesBefore(30), ['a'], [['b', 'duplicate of reminder a']]],
    [
      'appointments are independent',
      [reminder('a', 'x', 1440), reminder('b', 'x', 60), reminder('c', 'y', 1440, other)],
      minutesBefore(30),
      ['c', 'b'],
      [['a', 'superseded by the 60-minute reminder']],
    ],
    // A batch holds only some of an appointment's due reminders (another worker claimed the rest, or they were past the batch limit).
    [
      'the nearer due one is in another batch: none of this batch is sent',
      [{ ...reminder('a', 'x', 1440), nearestDueOffsetMinutes: 60 }],
      minutesBefore(30),
      [],
      [['a', 'superseded by the 60-minute reminder']],
    ],
    ['a farther due one is in another batch: the nearest is sent', [{ ...reminder('b', 'x', 60), nearestDueOffsetMinutes: 60 }], minutesBefore(30), ['b'], []],
    [
      'two in this batch, a nearer one elsewhere: both dropped',
      [
        { ...reminder('a', 'x', 1440), nearestDueOffsetMinutes: 30 },
        { ...reminder('b', 'x', 60), nearestDueOffsetMinutes: 30 },
      ],
      minutesBefore(20),
      [],
      [
        ['a', 'superseded by the 30-minute reminder'],
        ['b', 'superseded by the 30-minute reminder'],
      ],
    ],
    [
      'the visit has started: that reason, not superseded',
      [{ ...reminder('a', 'x', 1440), nearestDueOffsetMinutes: 60 }],
      START,
      [],
      [['a', 'visit already started']],
    ],
    [
      'only the appointment told of a nearer one is affected',
      [
        { ...reminder('a', 'x', 1440), nearestDueOffsetMinutes: 60 },
        { ...reminder('c', 'y', 1440, other), nearestDueOffsetMinutes: 1440 },
      ],
      minutesBefore(30),
      ['c'],
      [['a', 'superseded by the 60-minute reminder']],
    ],
    ['nothing due', [], START, [], []],
  ])('%s', (_what, due, now, sent, dropped) => {
    const { send, drop } = triageDueReminders(due, now);
    expect(send.map((r) => r.id)).toEqual(sent);
    expect(drop.map((d) => [d.reminder.id, d.reason])).toEqual(dropped);
  });
});

describe('validateReminderOffsets', () => {
  it.each<[string, number[], number[]]>([
    ['the defaults', [1440, 60], [1440, 60]],
    ['sorted descending', [60, 20160, 5, 1440], [20160, 1440, 60, 5]],
    ['none (no reminders)', [], []],
    ['six', [5, 10, 15, 20, 25, 30], [30, 25, 20, 15, 10, 5]],
  ])('accepts %s', (_what, offsets, expected) => {
    expect(validateReminderOffsets(offsets)).toEqual({ offsets: expected, problems: [] });
  });

  it.each<[string, number[], string | undefined, string, string]>([
    ['seven', [5, 10, 15, 20, 25, 30, 35], undefined, 'offsetsMinutes', 'offsetsMinutes: must have at most 6 entries, got 7'],
    ['under 5 minutes', [60, 4], undefined, 'offsetsMinutes[1]', 'offsetsMinutes[1]: must be a whole number of minutes from 5 to 20160 (14 days), got 4'],
    [
      'over 14 days',
      [20161],
      'input.reminderOffsetsMinutes',
      'input.reminderOffsetsMinutes[0]',
      'input.reminderOffsetsMinutes[0]: must be a whole number of minutes from 5 to 20160 (14 days), got 20161',
    ],
    ['a fraction', [90.5], undefined, 'offsetsMinutes[0]', 'offsetsMinutes[0]: must be a whole number of minutes from 5 to 20160 (14 days), got 90.5'],
    ['not a number', [Number.NaN], undefined, 'offsetsMinutes[0]', 'offsetsMinutes[0]: must be a whole number of minutes from 5 to 20160 (14 days), got NaN'],
    ['a repeat', [1440, 60, 1440], undefined, 'offsetsMinutes[2]', 'offsetsMinutes[2]: must not repeat 1440 (already offsetsMinutes[0])'],
  ])('rejects %s', (_what, offsets, field, expectedField, message) => {
    expect(problemOf(validateReminderOffsets(offsets).problems, field ?? 'offsetsMinutes')).toEqual({ code: 'BAD_USER_INPUT', field: expectedField, message });
  });
});

describe('reminderView', () => {
  const defaults: ChannelPreferences = { email: true, sms: false, smsNumber: null, optOut: [] };
  const withSms = { ...defaults, sms: true, smsNumber: '+4915112345678' };
  it.each<[string, string, readonly string[] | null, ChannelPreferences, boolean, string, string[]]>([
    ['planned, default preferences', 'PENDING', null, defaults, true, 'PLANNED', ['IN_APP', 'EMAIL']],
    ['planned, no email address known', 'PENDING', null, defaults, false, 'PLANNED', ['IN_APP']],
    ['planned, SMS switched on', 'PENDING', null, withSms, true, 'PLANNED', ['IN_APP', 'EMAIL', 'SMS']],
    ['planned, reminders opted out: goes nowhere', 'PENDING', null, { ...defaults, optOut: ['APPOINTMENT_REMINDER'] }, true, 'PLANNED', []],
    ['sent: the channels it went to, whatever the preferences say now', 'SENT', ['SMS', 'IN_APP'], defaults, true, 'SENT', ['SMS', 'IN_APP']],
    ['sent while opted out: no notification, no channels', 'SENT', null, defaults, true, 'SENT', []],
    ['dropped: none', 'DROPPED', null, withSms, true, 'DROPPED', []],
  ])('%s', (_what, status, sentChannels, prefs, hasEmailAddress, state, channels) => {
    const view = reminderView({ status, dueAt: START, offsetMinutes: 60, note: null, sentChannels }, { prefs, hasEmailAddress });
    expect([view.status, [...view.channels].sort()]).toEqual([state, [...channels].sort()]);
  });
});

describe('mayReadReminders', () => {
  const visit = { patientId: 'p', doctorId: 'd' };
  it.each<[string, { userId: string; role: string } | null, boolean]>([
    ['the patient', { userId: 'p', role: 'PATIENT' }, true],
    ['the doctor of the visit', { userId: 'd', role: 'DOCTOR' }, true],
    ['staff', { userId: 's', role: 'STAFF' }, true],
    ['another doctor', { userId: 'x', role: 'DOCTOR' }, false],
    ['another patient', { userId: 'x', role: 'PATIENT' }, false],
    ['an admin', { userId: 'x', role: 'ADMIN' }, false],
    ['nobody signed in', null, false],
  ])('%s: %s', (_what, viewer, expected) => expect(mayReadReminders(viewer, visit)).toBe(expected));
});
