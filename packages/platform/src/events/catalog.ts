import { z } from 'zod';

/**
 * The event catalogue, shared by producers and consumers: topics (created by code with explicit
 * partitions; auto-create is off on our brokers) and the payload schemas of each event type.
 */
export const Topics = {
  appointments: { name: 'appointments.events.v1', partitions: 6 },
} as const;
export type TopicName = (typeof Topics)[keyof typeof Topics]['name'];

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
});
export type AppointmentPayloadV1 = z.infer<typeof appointmentPayloadV1>;
