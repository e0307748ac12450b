import { z } from 'zod';

/**
 * The event catalogue, shared by producers and consumers: topics (created by code with explicit
 * partitions; auto-create is off on our brokers) and the payload schemas of each event type.
 */
export const Topics = {
  appointments: { name: 'appointments.events.v1', partitions: 6 },
  doctors: { name: 'doctors.events.v1', partitions: 3 },
  users: { name: 'users.events.v1', partitions: 3 },
  notifications: { name: 'notifications.events.v1', partitions: 3 },
  billing: { name: 'billing.events.v1', partitions: 3 },
  feedback: { name: 'feedback.events.v1', partitions: 3 },
} as const;

export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

export const AppointmentStatuses = ['REQUESTED', 'CONFIRMED', 'DECLINED', 'CANCELLED', 'COMPLETED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof AppointmentStatuses)[number];

/** Events on `appointments.events.v1`, keyed by appointment id. Doctor and patient ids are their user ids. */
export const AppointmentEventTypes = [
  'appointment.requested',
  'appointment.confirmed',
  'appointment.declined',
  'appointment.cancelled',
  'appointment.rescheduled',
  'appointment.completed',
  'appointment.no_show',
] as const;
export type AppointmentEventType = (typeof AppointmentEventTypes)[number];

export const appointmentPayloadV1 = z.object({
  appointmentId: z.uuid(),
  doctorId: z.uuid(),
  patientId: z.uuid(),
  serviceId: z.uuid(),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }),
  status: z.enum(AppointmentStatuses),
  // Added within v1 (optional, so older events still parse): who did what.
  previousStatus: z.enum(AppointmentStatuses).nullable().optional(),
  action: z.string().optional(),
  actorRole: z.enum(['PATIENT', 'DOCTOR', 'STAFF', 'ADMIN']).optional(),
  // No free text: a visit reason, or why a visit was declined, cancelled or moved, is the
  // patient's medical information and is read through the graph with the reader's own rights.
  // Events published before carried `reason`; parsing drops it (unknown keys are stripped).
  /** The doctor's IANA time zone (the clinic's). */
  timeZone: z.string().optional(),
  /** On `appointment.rescheduled`: where it was before. */
  previousStartAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Added within v1, on `appointment.rescheduled`: the rest of where it was (absent in older events). */
  previousEndAt: z.iso.datetime({ offset: true }).nullable().optional(),
  previousDoctorId: z.uuid().nullable().optional(),
  previousServiceId: z.uuid().nullable().optional(),
  /**
   * Added within v1, on `appointment.cancelled`: true when it was cancelled inside the clinic's
   * patient cutoff (staff making the exception); billing charges its late-cancellation fee on it.
   * Absent in older events and on other types: not late.
   */
  withinCancellationCutoff: z.boolean().optional(),
});
export type AppointmentPayloadV1 = z.infer<typeof appointmentPayloadV1>;

/** `slot.freed` (key: the appointment that freed it) and `waitlist.offered` (key: the waitlist entry). */
export const slotFreedV1 = z.object({
  appointmentId: z.uuid(),
  doctorId: z.uuid(),
  serviceId: z.uuid(),
  startAt: z.iso.datetime({ offset: true }),
  endAt: z.iso.datetime({ offset: true }),
  timeZone: z.string(),
});
export const waitlistOfferedV1 = slotFreedV1.omit({ appointmentId: true }).extend({ waitlistEntryId: z.uuid(), patientId: z.uuid() });
export type SlotFreedV1 = z.infer<typeof slotFreedV1>;

/**
 * `schedule.changed` (key: doctor id): the doctor's working hours or time off changed, so their
 * free slots may have. The doctor and the affected window only: never why the doctor is away.
 */
export const scheduleChangedV1 = z.object({
  doctorId: z.uuid(),
  /** `working_hours`, `time_off_added` or `time_off_removed`; a string, so a new kind is no breaking change. */
  change: z.string(),
  /** The affected window; a null end is open (new working hours may change any day from now on). */
  from: z.iso.datetime({ offset: true }).nullable(),
  to: z.iso.datetime({ offset: true }).nullable(),
});
export type ScheduleChangedV1 = z.infer<typeof scheduleChangedV1>;
export type WaitlistOfferedV1 = z.infer<typeof waitlistOfferedV1>;

/**
 * Events on `doctors.events.v1`, keyed by the entity id. Each carries the entity's whole current
 * state (not a diff), so a consumer's read model is an upsert and a replay is harmless.
 */

export const clinicSavedV1 = z.object({
  clinicId: z.uuid(),
  name: z.string(),
  timeZone: z.string(),
  /** Added within v1: optional so older events still parse. */
  address: z.string().optional(),
  /** Added within v1 (optional: older events, from before clinics could be deactivated, mean active). */
  active: z.boolean().optional(),
  /** Added within v1: ISO 4217, what patients pay in at this clinic (absent: EUR, from before clinics had one). */
  currency: z.string().length(3).optional(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export const serviceSavedV1 = z.object({
  serviceId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  durationMinutes: z.number().int().positive(),
  priceCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  active: z.boolean(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export const doctorSavedV1 = z.object({
  doctorId: z.uuid(),
  name: z.string(),
  specialties: z.array(z.string()),
  clinicId: z.uuid(),
  active: z.boolean(),
  serviceIds: z.array(z.uuid()),
  updatedAt: z.iso.datetime({ offset: true }),
});
/**
 * A clinic's own price for a service (key: clinic id, so it stays in order with the clinic's
 * clinic.saved and its currency). Without an entry the service's catalogue price applies where it
 * is in the clinic's currency; elsewhere no price is known.
 */
export const clinicPriceSavedV1 = z.object({
  clinicId: z.uuid(),
  serviceId: z.uuid(),
  priceCents: z.number().int().nonnegative(),
  currency: z.string().length(3),
  updatedAt: z.iso.datetime({ offset: true }),
});
/** The clinic's entry for the service was removed (key: clinic id). */
export const clinicPriceRemovedV1 = z.object({
  clinicId: z.uuid(),
  serviceId: z.uuid(),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type ClinicSavedV1 = z.infer<typeof clinicSavedV1>;
export type ClinicPriceSavedV1 = z.infer<typeof clinicPriceSavedV1>;
export type ClinicPriceRemovedV1 = z.infer<typeof clinicPriceRemovedV1>;
export type ServiceSavedV1 = z.infer<typeof serviceSavedV1>;
export type DoctorSavedV1 = z.infer<typeof doctorSavedV1>;

/** Events on `users.events.v1`, keyed by user id. No credentials, ever. */
export const userEventV1 = z.object({
  userId: z.uuid(),
  role: z.enum(['PATIENT', 'DOCTOR', 'STAFF', 'ADMIN']),
  name: z.string(),
  /** Added within v1 for notifications (optional so older events still parse). */
  email: z.string().optional(),
  disabledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type UserEventV1 = z.infer<typeof userEventV1>;

/**
 * `session.ended` (key: user id): a session (refresh-token family) ended by logout or by the reuse
 * of a rotated refresh token. Every subgraph refuses the session's access tokens from then on.
 */
export const sessionEndedV1 = z.object({
  userId: z.uuid(),
  /** The refresh-token family id: the `sid` claim of the session's access tokens. */
  sessionId: z.uuid(),
  endedAt: z.iso.datetime({ offset: true }),
  /** `logout` or `refresh-token-reuse`; informational. */
  reason: z.string().optional(),
});
export type SessionEndedV1 = z.infer<typeof sessionEndedV1>;

/**
 * `notification.created` on `notifications.events.v1` (key: the recipient's user id): an item was
 * put in someone's in-app inbox. Ids and what a subscriber is matched by only: the subject and body
 * name visits, doctors and reasons, so a reader asks `notification(id)` with the recipient's token.
 */
export const notificationCreatedV1 = z.object({
  notificationId: z.uuid(),
  recipientId: z.uuid(),
  // A string, not an enum of today's types: a type added later must not be poison to older consumers.
  type: z.string().min(1),
  createdAt: z.iso.datetime({ offset: true }),
});
export type NotificationCreatedV1 = z.infer<typeof notificationCreatedV1>;

/**
 * Events on `billing.events.v1`, keyed by invoice id. Ids and amounts (integer minor units of the
 * invoice's ISO 4217 currency) only: no line descriptions, no void reasons, nothing about the visit.
 */
export const InvoiceKinds = ['VISIT', 'NO_SHOW_FEE', 'LATE_CANCELLATION_FEE'] as const;
export const PaymentMethods = ['CARD', 'CASH', 'TRANSFER', 'INSURANCE'] as const;
const invoiceFactsV1 = z.object({
  invoiceId: z.uuid(),
  clinicId: z.uuid(),
  patientId: z.uuid(),
  appointmentId: z.uuid(),
  kind: z.enum(InvoiceKinds),
  currency: z.string().length(3),
  grossCents: z.number().int(),
  /** Added within v1, for the patient's notice: the invoice's number (null on a draft; absent in older events). */
  number: z.string().nullable().optional(),
});
/** `invoice.issued`: numbered and due (DRAFT → ISSUED). */
export const invoiceIssuedV1 = invoiceFactsV1.extend({ number: z.string(), dueDate: z.iso.date(), issuedAt: z.iso.datetime({ offset: true }) });
/** `invoice.paid`: the payments add up to the gross. */
export const invoicePaidV1 = invoiceFactsV1.extend({ paidAt: z.iso.datetime({ offset: true }) });
/** `invoice.voided`: cancelled (the reason stays in the billing database). */
export const invoiceVoidedV1 = invoiceFactsV1.extend({ voidedAt: z.iso.datetime({ offset: true }) });
/** `payment.recorded`: a payment, or a refund (negative `amountCents`), and the balance after it. */
export const paymentRecordedV1 = z.object({
  paymentId: z.uuid(),
  invoiceId: z.uuid(),
  clinicId: z.uuid(),
  patientId: z.uuid(),
  amountCents: z.number().int(),
  currency: z.string().length(3),
  method: z.enum(PaymentMethods),
  balanceCents: z.number().int(),
  receivedAt: z.iso.datetime({ offset: true }),
  /** Added within v1, for the patient's notice (absent in older events): the invoice's visit, number and due date. */
  appointmentId: z.uuid().optional(),
  number: z.string().nullable().optional(),
  dueDate: z.iso.date().nullable().optional(),
});
export type InvoiceIssuedV1 = z.infer<typeof invoiceIssuedV1>;
export type InvoicePaidV1 = z.infer<typeof invoicePaidV1>;
export type InvoiceVoidedV1 = z.infer<typeof invoiceVoidedV1>;
export type PaymentRecordedV1 = z.infer<typeof paymentRecordedV1>;
/**
 * Events on `feedback.events.v1` (key: the doctor's id, so a doctor's ratings stay in order). Ids
 * and scores only: a comment is the patient's words about their care and stays in the feedback
 * database. `feedback.submitted` / `.updated` carry the scores as they are now; `.hidden` /
 * `.restored` say a comment was taken out of (or put back into) public view, its scores unchanged.
 */
export const feedbackEventV1 = z.object({
  feedbackId: z.uuid(),
  appointmentId: z.uuid(),
  doctorId: z.uuid(),
  patientId: z.uuid(),
  overall: z.number().int().min(1).max(5),
  bedsideManner: z.number().int().min(1).max(5).nullable(),
  waitTime: z.number().int().min(1).max(5).nullable(),
  hasComment: z.boolean(),
  commentHidden: z.boolean(),
});
export type FeedbackEventV1 = z.infer<typeof feedbackEventV1>;
export const FeedbackEventTypes = ['feedback.submitted', 'feedback.updated', 'feedback.hidden', 'feedback.restored'] as const;
export type FeedbackEventType = (typeof FeedbackEventTypes)[number];

/** The payload schema of every event type in the catalogue (version 1). */
export const payloadSchemasV1 = {
  'appointment.requested': appointmentPayloadV1,
  'appointment.confirmed': appointmentPayloadV1,
  'appointment.declined': appointmentPayloadV1,
  'appointment.cancelled': appointmentPayloadV1,
  'appointment.rescheduled': appointmentPayloadV1,
  'appointment.completed': appointmentPayloadV1,
  'appointment.no_show': appointmentPayloadV1,
  'slot.freed': slotFreedV1,
  'waitlist.offered': waitlistOfferedV1,
  'schedule.changed': scheduleChangedV1,
  'clinic.saved': clinicSavedV1,
  'service.saved': serviceSavedV1,
  'clinic_price.saved': clinicPriceSavedV1,
  'clinic_price.removed': clinicPriceRemovedV1,
  'doctor.saved': doctorSavedV1,
  'user.created': userEventV1,
  'user.disabled': userEventV1,
  'session.ended': sessionEndedV1,
  'user.enabled': userEventV1,
  'user.role_changed': userEventV1,
  'notification.created': notificationCreatedV1,
  'invoice.issued': invoiceIssuedV1,
  'invoice.paid': invoicePaidV1,
  'invoice.voided': invoiceVoidedV1,
  'payment.recorded': paymentRecordedV1,
  'feedback.submitted': feedbackEventV1,
  'feedback.updated': feedbackEventV1,
  'feedback.hidden': feedbackEventV1,
  'feedback.restored': feedbackEventV1,
} as const;
export type CatalogueEventType = keyof typeof payloadSchemasV1;
export type PayloadOf<T extends CatalogueEventType> = z.infer<(typeof payloadSchemasV1)[T]>;
