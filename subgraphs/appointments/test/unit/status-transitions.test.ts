import { describe, expect, it } from 'vitest';
import type { AppointmentStatus, Role } from '@medappt/platform';
import { AppointmentStatuses, Roles } from '@medappt/platform';
import type { Actor, AppointmentAction, TransitionDecision } from '../../src/domain/status-transitions.ts';
import { ACTIVE_STATUSES, AppointmentActions, decideTransition, isActive } from '../../src/domain/status-transitions.ts';

const START = new Date('2026-06-10T09:00:00Z');
const WEEK_BEFORE = new Date('2026-06-03T09:00:00Z');
const policy = { patientCutoffMinutes: 24 * 60 };

const F = 'FORBIDDEN';
const I = 'INVALID_TRANSITION';
type Cell = AppointmentStatus | 'FORBIDDEN' | 'INVALID_TRANSITION' | 'TOO_EARLY';

// A week before the start, outside every time rule except those for a no-show and completing.
// status, action, own patient, other patient, own doctor, other doctor, staff, admin
const expected: [AppointmentStatus, AppointmentAction, Cell, Cell, Cell, Cell, Cell, Cell][] = [
  ['REQUESTED', 'APPROVE', F, F, 'CONFIRMED', F, 'CONFIRMED', F],
  ['REQUESTED', 'DECLINE', F, F, 'DECLINED', F, 'DECLINED', F],
  ['REQUESTED', 'CANCEL', 'CANCELLED', F, 'CANCELLED', F, 'CANCELLED', F],
  ['REQUESTED', 'RESCHEDULE', 'REQUESTED', F, 'REQUESTED', F, 'REQUESTED', F],
  ['REQUESTED', 'COMPLETE', F, F, I, F, I, F],
  ['REQUESTED', 'MARK_NO_SHOW', F, F, I, F, I, F],
  ['CONFIRMED', 'APPROVE', F, F, I, F, I, F],
  ['CONFIRMED', 'DECLINE', F, F, I, F, I, F],
  ['CONFIRMED', 'CANCEL', 'CANCELLED', F, 'CANCELLED', F, 'CANCELLED', F],
  ['CONFIRMED', 'RESCHEDULE', 'REQUESTED', F, 'CONFIRMED', F, 'CONFIRMED', F],
  ['CONFIRMED', 'COMPLETE', F, F, 'TOO_EARLY', F, 'TOO_EARLY', F],
  ['CONFIRMED', 'MARK_NO_SHOW', F, F, 'TOO_EARLY', F, 'TOO_EARLY', F],
  ['DECLINED', 'APPROVE', F, F, I, F, I, F],
  ['DECLINED', 'DECLINE', F, F, I, F, I, F],
  ['DECLINED', 'CANCEL', I, F, I, F, I, F],
  ['DECLINED', 'RESCHEDULE', I, F, I, F, I, F],
  ['DECLINED', 'COMPLETE', F, F, I, F, I, F],
  ['DECLINED', 'MARK_NO_SHOW', F, F, I, F, I, F],
  ['CANCELLED', 'APPROVE', F, F, I, F, I, F],
  ['CANCELLED', 'DECLINE', F, F, I, F, I, F],
  ['CANCELLED', 'CANCEL', I, F, I, F, I, F],
  ['CANCELLED', 'RESCHEDULE', I, F, I, F, I, F],
  ['CANCELLED', 'COMPLETE', F, F, I, F, I, F],
  ['CANCELLED', 'MARK_NO_SHOW', F, F, I, F, I, F],
  ['COMPLETED', 'APPROVE', F, F, I, F, I, F],
  ['COMPLETED', 'DECLINE', F, F, I, F, I, F],
  ['COMPLETED', 'CANCEL', I, F, I, F, I, F],
  ['COMPLETED', 'RESCHEDULE', I, F, I, F, I, F],
  ['COMPLETED', 'COMPLETE', F, F, I, F, I, F],
  ['COMPLETED', 'MARK_NO_SHOW', F, F, I, F, I, F],
  ['NO_SHOW', 'APPROVE', F, F, I, F, I, F],
  ['NO_SHOW', 'DECLINE', F, F, I, F, I, F],
  ['NO_SHOW', 'CANCEL', I, F, I, F, I, F],
  ['NO_SHOW', 'RESCHEDULE', I, F, I, F, I, F],
  ['NO_SHOW', 'COMPLETE', F, F, I, F, I, F],
  ['NO_SHOW', 'MARK_NO_SHOW', F, F, I, F, I, F],
];

// Flags that do not fit the role (a staff member flagged as the patient) change nothing.
function column(actor: Actor): number {
  switch (actor.role) {
    case 'PATIENT':
      return actor.isOwnPatient ? 0 : 1;
    case 'DOCTOR':
      return actor.isOwnDoctor ? 2 : 3;
    case 'STAFF':
      return 4;
    case 'ADMIN':
      return 5;
  }
}

const outcome = (decision: TransitionDecision): string => (decision.ok ? decision.next : decision.code);

const cases = AppointmentStatuses.flatMap((status) =>
  AppointmentActions.flatMap((action) =>
    Roles.flatMap((role: Role) =>
      [false, true].flatMap((isOwnPatient) => [false, true].map((isOwnDoctor) => ({ status, action, actor: { role, isOwnPatient, isOwnDoctor } }))),
    ),
  ),
);

describe('decideTransition: every status × action × actor', () => {
  it('the expected table covers every status and action once', () => {
    expect(expected.map(([s, a]) => `${s} ${a}`).sort()).toEqual(AppointmentStatuses.flatMap((s) => AppointmentActions.map((a) => `${s} ${a}`)).sort());
    expect(cases).toHaveLength(AppointmentStatuses.length * AppointmentActions.length * Roles.length * 4);
  });

  it.each(cases)('$status $action by $actor.role (own patient: $actor.isOwnPatient, own doctor: $actor.isOwnDoctor)', ({ status, action, actor }) => {
    const row = expected.find(([s, a]) => s === status && a === action);
    const decision = decideTransition({ status, action, actor, now: WEEK_BEFORE, startAt: START, policy });
    expect(outcome(decision)).toBe(row?.[2 + column(actor)]);
    if (!decision.ok) expect(decision.message).toMatch(/^[A-Z].{20,}\.$/);
    else expect(decision.overridden).toBe(false);
  });
});

const ownPatient: Actor = { role: 'PATIENT', isOwnPatient: true, isOwnDoctor: false };
const ownDoctor: Actor = { role: 'DOCTOR', isOwnPatient: false, isOwnDoctor: true };
const staff: Actor = { role: 'STAFF', isOwnPatient: false, isOwnDoctor: false };
const hoursBefore = (hours: number) => new Date(START.getTime() - hours * 3_600_000);

describe('decideTransition: time rules', () => {
  it.each<[string, AppointmentStatus, AppointmentAction, Actor, Date, { reason: string } | undefined, string, boolean?]>([
    ['patient cancels 25 h before', 'CONFIRMED', 'CANCEL', ownPatient, hoursBefore(25), undefined, 'CANCELLED'],
    ['patient cancels exactly at the cutoff', 'CONFIRMED', 'CANCEL', ownPatient, hoursBefore(24), undefined, 'CANCELLED'],
    ['patient cancels 23 h before', 'CONFIRMED', 'CANCEL', ownPatient, hoursBefore(23), undefined, 'TOO_LATE'],
    ['patient reschedules 2 h before', 'CONFIRMED', 'RESCHEDULE', ownPatient, hoursBefore(2), undefined, 'TOO_LATE'],
    ['patient cancels after the start', 'CONFIRMED', 'CANCEL', ownPatient, hoursBefore(-1), undefined, 'TOO_LATE'],
    ['a patient cannot override the cutoff', 'CONFIRMED', 'CANCEL', ownPatient, hoursBefore(2), { reason: 'flu' }, 'TOO_LATE'],
    ['patient withdraws a request 2 h before', 'REQUESTED', 'CANCEL', ownPatient, hoursBefore(2), undefined, 'CANCELLED'],
    ['patient moves a request 2 h before', 'REQUESTED', 'RESCHEDULE', ownPatient, hoursBefore(2), undefined, 'REQUESTED'],
    ['doctor cancels 2 h before', 'CONFIRMED', 'CANCEL', ownDoctor, hoursBefore(2), undefined, 'CANCELLED'],
    ['doctor reschedules 2 h before', 'CONFIRMED', 'RESCHEDULE', ownDoctor, hoursBefore(2), undefined, 'CONFIRMED'],
    ['staff cancels 2 h before without a reason', 'CONFIRMED', 'CANCEL', staff, hoursBefore(2), undefined, 'REASON_REQUIRED'],
    ['staff cancels 2 h before with a blank reason', 'CONFIRMED', 'CANCEL', staff, hoursBefore(2), { reason: '   ' }, 'REASON_REQUIRED'],
    ['staff cancels 2 h before with a reason', 'CONFIRMED', 'CANCEL', staff, hoursBefore(2), { reason: 'patient called from hospital' }, 'CANCELLED', true],
    ['staff reschedules 2 h before with a reason', 'CONFIRMED', 'RESCHEDULE', staff, hoursBefore(2), { reason: 'doctor delayed' }, 'CONFIRMED', true],
    ['staff cancels 25 h before: no override needed', 'CONFIRMED', 'CANCEL', staff, hoursBefore(25), { reason: 'asked by phone' }, 'CANCELLED', false],
    ['no-show at the start time', 'CONFIRMED', 'MARK_NO_SHOW', ownDoctor, START, undefined, 'TOO_EARLY'],
    ['no-show a minute after the start', 'CONFIRMED', 'MARK_NO_SHOW', ownDoctor, hoursBefore(-1 / 60), undefined, 'NO_SHOW'],
    ['approve a minute before the start', 'REQUESTED', 'APPROVE', ownDoctor, hoursBefore(1 / 60), undefined, 'CONFIRMED'],
    ['approve at the start', 'REQUESTED', 'APPROVE', staff, START, undefined, 'TOO_LATE'],
    ['decline after the start', 'REQUESTED', 'DECLINE', ownDoctor, hoursBefore(-2), undefined, 'DECLINED'],
    ['complete an hour after the start', 'CONFIRMED', 'COMPLETE', ownDoctor, hoursBefore(-1), undefined, 'COMPLETED'],
    ['complete at the start', 'CONFIRMED', 'COMPLETE', ownDoctor, START, undefined, 'COMPLETED', false],
    ['doctor completes a minute before the start', 'CONFIRMED', 'COMPLETE', ownDoctor, hoursBefore(1 / 60), undefined, 'TOO_EARLY'],
    ['doctor completes weeks ahead, even with a reason', 'CONFIRMED', 'COMPLETE', ownDoctor, hoursBefore(24 * 21), { reason: 'seen early' }, 'TOO_EARLY'],
    ['staff completes weeks ahead without an override', 'CONFIRMED', 'COMPLETE', staff, hoursBefore(24 * 21), undefined, 'TOO_EARLY'],
    ['staff completes early with a blank reason', 'CONFIRMED', 'COMPLETE', staff, hoursBefore(2), { reason: ' ' }, 'REASON_REQUIRED'],
    ['staff completes early with a reason', 'CONFIRMED', 'COMPLETE', staff, hoursBefore(2), { reason: 'walk-in, seen at 07:00' }, 'COMPLETED', true],
    ['staff completes after the start: no override needed', 'CONFIRMED', 'COMPLETE', staff, hoursBefore(-1), { reason: 'x' }, 'COMPLETED', false],
    ['staff override does not complete a request', 'REQUESTED', 'COMPLETE', staff, hoursBefore(2), { reason: 'x' }, 'INVALID_TRANSITION'],
  ])('%s → %s', (_what, status, action, actor, now, override, result, overridden) => {
    const decision = decideTransition({ status, action, actor, now, startAt: START, policy, override });
    expect(outcome(decision)).toBe(result);
    if (decision.ok && overridden !== undefined) expect(decision.overridden).toBe(overridden);
  });

  it('uses a zero cutoff as no cutoff', () => {
    const decision = decideTransition({
      status: 'CONFIRMED',
      action: 'CANCEL',
      actor: ownPatient,
      now: hoursBefore(0.1),
      startAt: START,
      policy: { patientCutoffMinutes: 0 },
    });
    expect(decision).toEqual({ ok: true, next: 'CANCELLED', overridden: false });
  });
});

describe('decideTransition: a move to another doctor', () => {
  // Nobody agreed on the new doctor's behalf: it is their request to decide, whoever moved it.
  it.each<[string, AppointmentStatus, Actor, Date, { reason: string } | undefined, string]>([
    ['patient moves a confirmed visit', 'CONFIRMED', ownPatient, WEEK_BEFORE, undefined, 'REQUESTED'],
    ['its doctor hands a confirmed visit to a colleague', 'CONFIRMED', ownDoctor, WEEK_BEFORE, undefined, 'REQUESTED'],
    ['staff move a confirmed visit', 'CONFIRMED', staff, WEEK_BEFORE, undefined, 'REQUESTED'],
    ['staff move a request', 'REQUESTED', staff, WEEK_BEFORE, undefined, 'REQUESTED'],
    ['staff move a confirmed visit inside the cutoff, with a reason', 'CONFIRMED', staff, hoursBefore(2), { reason: 'doctor ill' }, 'REQUESTED'],
    ['staff move one inside the cutoff without a reason', 'CONFIRMED', staff, hoursBefore(2), undefined, 'REASON_REQUIRED'],
    ['patient moves one inside the cutoff', 'CONFIRMED', ownPatient, hoursBefore(2), undefined, 'TOO_LATE'],
  ])('%s → %s', (_what, status, actor, now, override, result) => {
    expect(outcome(decideTransition({ status, action: 'RESCHEDULE', actor, now, startAt: START, policy, override, changesDoctor: true }))).toBe(result);
  });
});

describe('decideTransition: messages a person can act on', () => {
  it.each<[string, AppointmentStatus, AppointmentAction, Actor, Date, string]>([
    ['a patient approving', 'REQUESTED', 'APPROVE', ownPatient, WEEK_BEFORE, 'Only its doctor or clinic staff can approve this appointment.'],
    [
      'an admin cancelling',
      'CONFIRMED',
      'CANCEL',
      { role: 'ADMIN', isOwnPatient: false, isOwnDoctor: false },
      WEEK_BEFORE,
      'Admins manage accounts, not appointments. Only its patient, its doctor or clinic staff can cancel this appointment.',
    ],
    [
      'completing a cancelled one',
      'CANCELLED',
      'COMPLETE',
      ownDoctor,
      WEEK_BEFORE,
      'This appointment is cancelled; only confirmed appointments can be completed.',
    ],
    [
      'cancelling a no-show',
      'NO_SHOW',
      'CANCEL',
      staff,
      WEEK_BEFORE,
      'This appointment is a no-show; only requested or confirmed appointments can be cancelled.',
    ],
    [
      'a patient cancelling late',
      'CONFIRMED',
      'CANCEL',
      ownPatient,
      hoursBefore(3),
      'Appointments cannot be cancelled online within 24 hours of their start; please call the clinic, whose staff can make an exception.',
    ],
    [
      'staff without a reason',
      'CONFIRMED',
      'RESCHEDULE',
      staff,
      hoursBefore(3),
      'This is within the patient cutoff (24 hours before the start); to reschedule it anyway, give the reason for the exception (override.reason).',
    ],
    [
      'an early no-show',
      'CONFIRMED',
      'MARK_NO_SHOW',
      ownDoctor,
      WEEK_BEFORE,
      "A no-show can be recorded only after the appointment's start (2026-06-10T09:00:00.000Z).",
    ],
    [
      'an early completion',
      'CONFIRMED',
      'COMPLETE',
      ownDoctor,
      WEEK_BEFORE,
      'A visit can be completed only from its start (2026-06-10T09:00:00.000Z); clinic staff can complete one that happened early, giving the reason (override.reason).',
    ],
  ])('%s', (_what, status, action, actor, now, message) => {
    const decision = decideTransition({ status, action, actor, now, startAt: START, policy });
    expect(decision.ok ? null : decision.message).toBe(message);
  });
});

describe('isActive', () => {
  it.each(AppointmentStatuses.map((status) => [status, status === 'REQUESTED' || status === 'CONFIRMED'] as const))('%s → %s', (status, active) => {
    expect(isActive(status)).toBe(active);
    expect(ACTIVE_STATUSES.includes(status)).toBe(active);
  });
});
