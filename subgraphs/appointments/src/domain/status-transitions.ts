import type { Role } from './access.ts';

/** The statuses of the API and the database (the platform's event catalogue lists the same). */
export type AppointmentStatus = 'REQUESTED' | 'CONFIRMED' | 'DECLINED' | 'CANCELLED' | 'COMPLETED' | 'NO_SHOW';

/**
 * The appointment workflow: who may move an appointment from which status to which, and when.
 *
 * | from      | action       | to                                        | by                              |
 * |-----------|--------------|-------------------------------------------|---------------------------------|
 * | REQUESTED | APPROVE      | CONFIRMED                                 | own doctor, staff               |
 * | REQUESTED | DECLINE      | DECLINED                                  | own doctor, staff               |
 * | REQUESTED | CANCEL       | CANCELLED                                 | own patient, own doctor, staff  |
 * | REQUESTED | RESCHEDULE   | REQUESTED                                 | own patient, own doctor, staff  |
 * | CONFIRMED | COMPLETE     | COMPLETED, from the start on              | own doctor, staff               |
 * | CONFIRMED | MARK_NO_SHOW | NO_SHOW, only after the start             | own doctor, staff               |
 * | CONFIRMED | CANCEL       | CANCELLED                                 | own patient, own doctor, staff  |
 * | CONFIRMED | RESCHEDULE   | REQUESTED by the patient or to another    | own patient, own doctor, staff  |
 * |           |              | doctor, else CONFIRMED                    |                                 |
 *
 * - A patient moving a confirmed visit asks again: the doctor agreed to a time, not to any time.
 *   A doctor or staff member who picks the new time has agreed to it, so it stays CONFIRMED.
 * - A move to another doctor is a request to that doctor, whoever makes it: nobody agreed for
 *   them, so it is REQUESTED until they (or staff) approve it.
 * - Admins manage accounts, not appointments: everything here is FORBIDDEN to them, so that the
 *   clinic's calendar has one set of hands (staff) besides the doctor's, and every change by
 *   someone other than the patient or doctor is made by a person the clinic answers for.
 * - Patient cutoff: a patient may not cancel or reschedule a CONFIRMED appointment within
 *   `patientCutoffMinutes` of its start (TOO_LATE). Staff may, only with a non-empty override
 *   reason (REASON_REQUIRED), which the caller records; the doctor owns the schedule and is not
 *   bound by it. Withdrawing or moving a REQUESTED appointment is always allowed: nobody has
 *   planned on it yet, and letting the slot go early is what the cutoff is meant to encourage.
 * - A request whose start has passed cannot be approved (TOO_LATE): decline or reschedule it.
 * - A visit cannot be completed before its start (TOO_EARLY), or a slip of the finger on next
 *   month's visit frees its time for someone else. Staff may, with a non-empty override reason
 *   (REASON_REQUIRED when blank), for a visit that really happened early; the caller records it.
 * - Checks run in this order: FORBIDDEN (the actor may never take this action),
 *   INVALID_TRANSITION (not from this status), then timing.
 */

export const AppointmentActions = ['APPROVE', 'DECLINE', 'CANCEL', 'RESCHEDULE', 'COMPLETE', 'MARK_NO_SHOW'] as const;
export type AppointmentAction = (typeof AppointmentActions)[number];

/** The caller, as far as this appointment is concerned. */
export interface Actor {
  role: Role;
  /** The caller is this appointment's patient. */
  isOwnPatient: boolean;
  /** The caller is this appointment's doctor. */
  isOwnDoctor: boolean;
}

export interface ClinicPolicy {
  /** Patients cannot cancel or reschedule a confirmed appointment this close to its start. */
  patientCutoffMinutes: number;
}

export interface TransitionRequest {
  status: AppointmentStatus;
  action: AppointmentAction;
  actor: Actor;
  now: Date;
  startAt: Date;
  policy: ClinicPolicy;
  /** Staff making an exception to the patient cutoff. */
  override?: { reason: string } | null;
  /** A reschedule that hands the appointment to another doctor. */
  changesDoctor?: boolean;
}

export type TransitionRefusal = 'FORBIDDEN' | 'INVALID_TRANSITION' | 'TOO_LATE' | 'TOO_EARLY' | 'REASON_REQUIRED';

/** The rule a staff override set aside, for the history. */
export type OverriddenRule = 'PATIENT_CUTOFF' | 'START_TIME';

export type TransitionDecision =
  | {
      ok: true;
      next: AppointmentStatus;
      /** The staff override was needed; record its reason. */
      overridden: boolean;
      overriddenRule?: OverriddenRule;
    }
  | { ok: false; code: TransitionRefusal; message: string };

/** Statuses that hold the slot: the exclusion constraint and slot search count only these. */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['REQUESTED', 'CONFIRMED'];

export function isActive(status: AppointmentStatus): boolean {
  return status === 'REQUESTED' || status === 'CONFIRMED';
}

type Party = 'patient' | 'doctor' | 'staff';

interface ActionRule {
  from: readonly AppointmentStatus[];
  by: readonly Party[];
  verb: string;
  done: string;
}

const RULES: Record<AppointmentAction, ActionRule> = {
  APPROVE: { from: ['REQUESTED'], by: ['doctor', 'staff'], verb: 'approve', done: 'approved' },
  DECLINE: { from: ['REQUESTED'], by: ['doctor', 'staff'], verb: 'decline', done: 'declined' },
  CANCEL: { from: ['REQUESTED', 'CONFIRMED'], by: ['patient', 'doctor', 'staff'], verb: 'cancel', done: 'cancelled' },
  RESCHEDULE: { from: ['REQUESTED', 'CONFIRMED'], by: ['patient', 'doctor', 'staff'], verb: 'reschedule', done: 'rescheduled' },
  COMPLETE: { from: ['CONFIRMED'], by: ['doctor', 'staff'], verb: 'complete', done: 'completed' },
  MARK_NO_SHOW: { from: ['CONFIRMED'], by: ['doctor', 'staff'], verb: 'mark as a no-show', done: 'marked as a no-show' },
};

const PARTY_NAMES: Record<Party, string> = { patient: 'its patient', doctor: 'its doctor', staff: 'clinic staff' };

const STATUS_WORDS: Record<AppointmentStatus, string> = {
  REQUESTED: 'requested',
  CONFIRMED: 'confirmed',
  DECLINED: 'declined',
  CANCELLED: 'cancelled',
  COMPLETED: 'completed',
  NO_SHOW: 'a no-show',
};

function partyOf(actor: Actor): Party | null {
  switch (actor.role) {
    case 'PATIENT':
      return actor.isOwnPatient ? 'patient' : null;
    case 'DOCTOR':
      return actor.isOwnDoctor ? 'doctor' : null;
    case 'STAFF':
      return 'staff';
    case 'ADMIN':
      return null;
  }
}

function nextStatus(status: AppointmentStatus, action: AppointmentAction, party: Party, changesDoctor: boolean): AppointmentStatus {
  switch (action) {
    case 'APPROVE':
      return 'CONFIRMED';
    case 'DECLINE':
      return 'DECLINED';
    case 'CANCEL':
      return 'CANCELLED';
    case 'RESCHEDULE':
      return party === 'patient' || changesDoctor ? 'REQUESTED' : status;
    case 'COMPLETE':
      return 'COMPLETED';
    case 'MARK_NO_SHOW':
      return 'NO_SHOW';
  }
}

function duration(minutes: number): string {
  if (minutes % 60 !== 0) return `${minutes} minutes`;
  return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
}

function listOf(names: readonly string[]): string {
  return names.length <= 2 ? names.join(' or ') : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const refuse = (code: TransitionRefusal, message: string): TransitionDecision => ({ ok: false, code, message });

export function decideTransition(request: TransitionRequest): TransitionDecision {
  const { status, action, actor, now, startAt, policy } = request;
  const changesDoctor = request.changesDoctor ?? false;
  const rule = RULES[action];
  const party = partyOf(actor);
  const allowed = listOf(rule.by.map((p) => PARTY_NAMES[p]));

  if (party === null || !rule.by.includes(party)) {
    const prefix = actor.role === 'ADMIN' ? 'Admins manage accounts, not appointments. ' : '';
    return refuse('FORBIDDEN', `${prefix}Only ${allowed} can ${rule.verb} this appointment.`);
  }
  if (!rule.from.includes(status)) {
    const from = listOf(rule.from.map((s) => STATUS_WORDS[s]));
    return refuse('INVALID_TRANSITION', `This appointment is ${STATUS_WORDS[status]}; only ${from} appointments can be ${rule.done}.`);
  }

  const untilStart = startAt.getTime() - now.getTime();
  if (action === 'MARK_NO_SHOW' && untilStart >= 0) {
    return refuse('TOO_EARLY', `A no-show can be recorded only after the appointment's start (${startAt.toISOString()}).`);
  }
  if (action === 'COMPLETE' && untilStart > 0) {
    if (party !== 'staff' || !request.override) {
      return refuse(
        'TOO_EARLY',
        `A visit can be completed only from its start (${startAt.toISOString()}); clinic staff can complete one that happened early, giving the reason (override.reason).`,
      );
    }
    if (!request.override.reason.trim()) {
      return refuse(
        'REASON_REQUIRED',
        `This visit starts at ${startAt.toISOString()}; to complete it before then, give the reason for the exception (override.reason).`,
      );
    }
    return { ok: true, next: 'COMPLETED', overridden: true, overriddenRule: 'START_TIME' };
  }
  if (action === 'APPROVE' && untilStart <= 0) {
    return refuse('TOO_LATE', `The requested time (${startAt.toISOString()}) has passed; decline the request or reschedule it.`);
  }

  const withinCutoff = (action === 'CANCEL' || action === 'RESCHEDULE') && status === 'CONFIRMED' && untilStart < policy.patientCutoffMinutes * 60_000;
  if (withinCutoff && party === 'patient') {
    return refuse(
      'TOO_LATE',
      `Appointments cannot be ${rule.done} online within ${duration(policy.patientCutoffMinutes)} of their start; please call the clinic, whose staff can make an exception.`,
    );
  }
  if (withinCutoff && party === 'staff') {
    if (!request.override?.reason.trim()) {
      return refuse(
        'REASON_REQUIRED',
        `This is within the patient cutoff (${duration(policy.patientCutoffMinutes)} before the start); to ${rule.verb} it anyway, give the reason for the exception (override.reason).`,
      );
    }
    return { ok: true, next: nextStatus(status, action, party, changesDoctor), overridden: true, overriddenRule: 'PATIENT_CUTOFF' };
  }
  return { ok: true, next: nextStatus(status, action, party, changesDoctor), overridden: false };
}
