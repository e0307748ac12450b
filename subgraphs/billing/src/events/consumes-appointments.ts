import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type EventEnvelope, type Logger } from '@medappt/platform';
import type { BillingDb, BillingTx } from '../repository/db.ts';
import { invoiceAppointment } from '../use-cases/invoice-appointment.ts';

export const APPOINTMENTS_GROUP = 'billing.appointments';
/** What may cost the patient something: a visit, a no-show, a late cancellation. Billing passes over every other event. */
const BILLED = ['appointment.completed', 'appointment.no_show', 'appointment.cancelled'] as const;

/** The consumer's effect for one event, in the transaction that records its id (exported for the race test). */
export async function handleAppointmentEvent(event: EventEnvelope, tx: BillingTx, now: () => Date): Promise<void> {
  const bill = (payload: Parameters<typeof invoiceAppointment>[1]['payload']) =>
    invoiceAppointment({ tx, now }, { type: event.type, eventId: event.id, payload });
  await dispatchEvent(event, Object.fromEntries(BILLED.map((type) => [type, bill])));
}

/** Invoices a completed visit once, and a no-show or late cancellation by the clinic's fee policy. */
export function consumeAppointmentsEvents(deps: { kafka: Kafka; db: BillingDb; logger: Logger; now: () => Date }): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: APPOINTMENTS_GROUP,
    messagesPerTransaction: 100,
    eventTypes: BILLED,
    topics: [Topics.appointments.name],
    handle: (event, tx) => handleAppointmentEvent(event, tx, deps.now),
  });
}
