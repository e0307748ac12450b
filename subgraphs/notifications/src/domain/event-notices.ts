import type { NotificationType } from './notification-types.ts';

export type Recipient = 'patient' | 'doctor';
/** `previousDoctor`: the doctor a move took the appointment away from, told of it as it was with them (their time, their service). */
export type Addressee = Recipient | 'previousDoctor';
export interface Notice {
  recipient: Addressee;
  type: NotificationType;
}

/** Who made the change an appointment event reports (absent in events from before it was recorded). */
export type ActorRole = 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN';

/** What of an appointment event (appointmentPayloadV1) decides who is told. */
interface DoctorFacts {
  doctorId?: string;
  previousDoctorId?: string | null;
}
interface NoticeFacts extends DoctorFacts {
  status: string;
  actorRole?: ActorRole;
}

/** A move to another doctor: the appointment leaves one doctor's hands and reaches another's. */
export function changesDoctor(eventType: string, payload: DoctorFacts): boolean {
  return eventType === 'appointment.rescheduled' && Boolean(payload.previousDoctorId) && payload.previousDoctorId !== payload.doctorId;
}

/**
 * A doctor change is a cancellation for the previous doctor (unless they handed it on themself:
 * only an appointment's own doctor may move it) and a request for the new one, who never had
 * this visit and must approve it. The patient hears of the move unless they made it.
 */
function doctorChange(actorRole: ActorRole | undefined): Notice[] {
  return [
    ...(actorRole === 'PATIENT' ? [] : [{ recipient: 'patient', type: 'APPOINTMENT_RESCHEDULED' } as const]),
    ...(actorRole === 'DOCTOR' ? [] : [{ recipient: 'previousDoctor', type: 'APPOINTMENT_CANCELLED' } as const]),
    { recipient: 'doctor', type: 'APPOINTMENT_REQUEST' },
  ];
}

/** Cancelled or moved: tell whoever did not do it (both, when staff did it or we do not know who). */
function otherSide(type: NotificationType, actorRole: ActorRole | undefined): Notice[] {
  if (actorRole === 'PATIENT') return [{ recipient: 'doctor', type }];
  if (actorRole === 'DOCTOR') return [{ recipient: 'patient', type }];
  return [
    { recipient: 'patient', type },
    { recipient: 'doctor', type },
  ];
}

/** Who is told what when an appointment event arrives. */
export function noticesFor(eventType: string, payload: NoticeFacts): Notice[] {
  if (changesDoctor(eventType, payload)) return doctorChange(payload.actorRole);
  switch (eventType) {
    case 'appointment.requested':
      if (payload.status === 'CONFIRMED')
        return [
          { recipient: 'patient', type: 'APPOINTMENT_CONFIRMED' },
          { recipient: 'doctor', type: 'APPOINTMENT_REQUEST' },
        ];
      return [
        { recipient: 'patient', type: 'BOOKING_RECEIVED' },
        { recipient: 'doctor', type: 'APPOINTMENT_REQUEST' },
      ];
    case 'appointment.confirmed':
      return [{ recipient: 'patient', type: 'APPOINTMENT_CONFIRMED' }];
    case 'appointment.declined':
      return [{ recipient: 'patient', type: 'APPOINTMENT_DECLINED' }];
    case 'appointment.cancelled':
      return otherSide('APPOINTMENT_CANCELLED', payload.actorRole);
    case 'appointment.rescheduled':
      return otherSide('APPOINTMENT_RESCHEDULED', payload.actorRole);
    case 'appointment.completed':
      return [{ recipient: 'patient', type: 'FEEDBACK_INVITE' }];
    default:
      return [];
  }
}

/** What happens to an appointment's pending reminders after an event: planned anew for a confirmed visit, dropped otherwise. */
export function reminderActionFor(status: string): 'plan' | 'drop' {
  return status === 'CONFIRMED' ? 'plan' : 'drop';
}

/**
 * Could the appointment have reminders before this event? Not at its first event, the request that
 * created it (no previous status): reminders are planned only once a visit is confirmed. Events
 * from before `previousStatus` was published leave it undefined: they may.
 */
export function mayHaveReminders(payload: { previousStatus?: string | null }): boolean {
  return payload.previousStatus !== null;
}

/**
 * Is a notice about this event still news? Not when the event is older than `maxAgeMs` (a consumer
 * catching up on history, e.g. a new deployment reading the topic from the start, must not mail
 * last month's confirmations or invoices).
 */
export function eventIsFresh(occurredAt: Date, now: Date, maxAgeMs: number): boolean {
  return now.getTime() - occurredAt.getTime() <= maxAgeMs;
}

/** Is a notice about a visit still worth sending? Only for a fresh event (eventIsFresh), and not once the visit has begun. */
export function noticeIsTimely(occurredAt: Date, startAt: Date, now: Date, maxAgeMs: number): boolean {
  return eventIsFresh(occurredAt, now, maxAgeMs) && now < startAt;
}

/** Until when a completed visit may be rated: `windowDays` from its completion (the feedback subgraph's rule). */
export function feedbackClosesAt(completedAt: Date, windowDays: number): Date {
  return new Date(completedAt.getTime() + windowDays * 86_400_000);
}

/**
 * When a notice about an appointment event stops being worth sending, if it is fresh: a visit's
 * notices once it begins, the invitation to rate it once the feedback window closes (its email
 * and SMS are skipped if quiet hours last beyond that, like a visit's beyond its start).
 */
export function noticeDeadline(type: NotificationType, visit: { startAt: Date; occurredAt: Date }, feedbackWindowDays: number): Date {
  return type === 'FEEDBACK_INVITE' ? feedbackClosesAt(visit.occurredAt, feedbackWindowDays) : visit.startAt;
}
