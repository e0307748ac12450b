import type { Kafka } from 'kafkajs';
import {
  AppointmentEventTypes,
  dispatchEvent,
  startEventConsumer,
  Topics,
  type AppointmentPayloadV1,
  type EventConsumer,
  type EventEnvelope,
  handleAll,
  type Logger,
  type WaitlistOfferedV1,
} from '@medappt/platform';
import type { AppointmentRow } from '../db/schema.ts';
import { eventIsFresh, feedbackClosesAt, mayHaveReminders, noticeDeadline, noticeIsTimely, noticesFor, reminderActionFor } from '../domain/event-notices.ts';
import type { NotificationType } from '../domain/notification-types.ts';
import type { Templates } from '../domain/templates.ts';
import type { NotificationsDb, NotificationsTx } from '../repository/db.ts';
import { contextOf, saveAppointment } from '../repository/read-models.ts';
import { dropPendingReminders } from '../repository/reminders.ts';
import { planReminders } from '../use-cases/plan-reminders.ts';
import { noticeWriter, sendNotice, sendNotices, type AppointmentNotice, type NoticeWriter } from '../use-cases/send-notice.ts';

interface Deps {
  kafka: Kafka;
  db: NotificationsDb;
  logger: Logger;
  now: () => Date;
  reminderDefaults: readonly number[];
  noticeMaxAgeMs: number;
  /** What the invitation to rate a completed visit names (the feedback subgraph's window). */
  feedbackWindowDays: number;
  templates: Templates;
}

/** An appointment changed: tell who needs to know, and keep its reminders in step. */
async function onAppointmentEvent(tx: NotificationsTx, writer: NoticeWriter, event: EventEnvelope, payload: AppointmentPayloadV1, deps: Deps): Promise<void> {
  const { logger } = deps;
  const now = deps.now();
  const noticeCtx = { tx, now, logger, templates: deps.templates, writer };
  const appointment = await saveAppointment(tx, payload, new Date(event.occurredAt));
  if (!appointment) {
    logger.info({ eventId: event.id, appointmentId: payload.appointmentId }, 'stale appointment event: a newer state is known, nothing to tell');
    return;
  }
  const context = await contextOf(tx, appointment);
  const previousStartAt = payload.previousStartAt ? new Date(payload.previousStartAt) : null;
  const occurredAt = new Date(event.occurredAt);
  const fresh = eventIsFresh(occurredAt, now, deps.noticeMaxAgeMs);
  const notices = noticesFor(event.type, payload);
  const timely = notices.filter((n) => fresh && now < noticeDeadline(n.type, { startAt: appointment.startAt, occurredAt }, deps.feedbackWindowDays));
  if (timely.length < notices.length)
    logger.info(
      { eventId: event.id, type: event.type, occurredAt: event.occurredAt },
      'no notice: the event is too old, the visit has begun or its feedback window closed',
    );
  const outgoing: AppointmentNotice[] = [];
  for (const notice of timely) {
    if (notice.recipient === 'previousDoctor') {
      outgoing.push(await previousDoctorNotice(tx, event, payload, appointment, notice.type));
      continue;
    }
    outgoing.push({
      userId: notice.recipient === 'patient' ? appointment.patientId : appointment.doctorId,
      recipient: notice.recipient,
      type: notice.type,
      sourceId: event.id,
      appointment,
      context,
      // Events carry no free text (a visit reason is medical information): messages go without it.
      reason: null,
      previousStartAt,
      // A patient told of a move must know whether it still needs the doctor's yes.
      awaitingApproval: notice.recipient === 'patient' && notice.type === 'APPOINTMENT_RESCHEDULED' && appointment.status === 'REQUESTED',
      ...(notice.type === 'FEEDBACK_INVITE' && feedbackInvite(occurredAt, deps.feedbackWindowDays)),
    });
  }
  await sendNotices(noticeCtx, outgoing);
  if (reminderActionFor(payload.status) === 'plan') {
    const planned = await planReminders({ tx, now, reminderDefaults: deps.reminderDefaults }, { appointment, clinicId: context.facts.clinicId });
    logger.debug({ appointmentId: appointment.id, reminders: planned.map((r) => r.dueAt) }, 'reminders planned');
  } else if (mayHaveReminders(payload)) {
    await dropPendingReminders(tx, appointment.id, `appointment ${appointment.status.toLowerCase()}`, now);
  }
}

/** The invitation's window: named in the message, and the time after which its email and SMS would be pointless. */
function feedbackInvite(completedAt: Date, days: number): Pick<AppointmentNotice, 'feedbackWindow' | 'deliverBy'> {
  const closesAt = feedbackClosesAt(completedAt, days);
  return { feedbackWindow: { days, closesAt }, deliverBy: { at: closesAt, what: 'the feedback window closes' } };
}

/** The previous doctor's notice of a move away from them: about the visit as it was with them (their time, service and clinic). */
async function previousDoctorNotice(
  tx: NotificationsTx,
  event: EventEnvelope,
  payload: AppointmentPayloadV1,
  appointment: AppointmentRow,
  type: NotificationType,
): Promise<AppointmentNotice> {
  const doctorId = payload.previousDoctorId ?? appointment.doctorId;
  const startAt = payload.previousStartAt ? new Date(payload.previousStartAt) : appointment.startAt;
  const endAt = payload.previousEndAt
    ? new Date(payload.previousEndAt)
    : new Date(startAt.getTime() + (appointment.endAt.getTime() - appointment.startAt.getTime()));
  const context = await contextOf(tx, {
    patientId: appointment.patientId,
    doctorId,
    serviceId: payload.previousServiceId ?? appointment.serviceId,
    timeZone: appointment.timeZone,
  });
  return {
    userId: doctorId,
    recipient: 'doctor',
    type,
    sourceId: event.id,
    appointment: { id: appointment.id, startAt, endAt },
    context,
    reason: null,
    previousStartAt: null,
  };
}

/** A freed time was offered to the first patient waiting for it: tell them (it is not held). */
async function onWaitlistOffer(tx: NotificationsTx, writer: NoticeWriter, event: EventEnvelope, offer: WaitlistOfferedV1, deps: Deps): Promise<void> {
  const now = deps.now();
  const startAt = new Date(offer.startAt);
  if (!noticeIsTimely(new Date(event.occurredAt), startAt, now, deps.noticeMaxAgeMs)) return;
  const context = await contextOf(tx, offer);
  await sendNotice(
    { tx, now, logger: deps.logger, templates: deps.templates, writer },
    {
      userId: offer.patientId,
      recipient: 'patient',
      type: 'WAITLIST_OFFER',
      sourceId: event.id,
      appointment: { id: null, startAt, endAt: new Date(offer.endAt) },
      context,
      reason: null,
      previousStartAt: null,
    },
  );
}

/**
 * Turns appointment events into notices (inbox + queued email/SMS) and keeps each appointment's
 * reminders in step: planned when confirmed, moved when rescheduled, dropped otherwise. Everything
 * happens in the transaction that records the event id, so a replay changes nothing.
 */
export function consumeAppointments(deps: Deps): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.appointments',
    messagesPerTransaction: 100,
    topics: [Topics.appointments.name],
    async handle(event, tx, run) {
      // The notices of a run's events are written together as it ends (one insert per table).
      const writer = run.shared('notices', () => noticeWriter(tx, deps.logger));
      await dispatchEvent(event, {
        ...handleAll(AppointmentEventTypes, (payload) => onAppointmentEvent(tx, writer, event, payload, deps)),
        'waitlist.offered': (offer) => onWaitlistOffer(tx, writer, event, offer, deps),
      });
    },
  });
}
