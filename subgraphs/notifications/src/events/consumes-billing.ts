import type { Kafka } from 'kafkajs';
import { dispatchEvent, startEventConsumer, Topics, type EventConsumer, type EventEnvelope, type Logger } from '@medappt/platform';
import { billingNoticeFor } from '../domain/billing-notices.ts';
import { eventIsFresh } from '../domain/event-notices.ts';
import type { InvoiceMessageFacts, Templates } from '../domain/templates.ts';
import type { NotificationsDb, NotificationsTx } from '../repository/db.ts';
import { recipientAtClinic } from '../repository/read-models.ts';
import { notify } from '../use-cases/send-notice.ts';

interface Deps {
  kafka: Kafka;
  db: NotificationsDb;
  logger: Logger;
  now: () => Date;
  noticeMaxAgeMs: number;
  templates: Templates;
}

/** What every billing event says about its invoice, as far as the patient's notice needs it. */
interface BillingFacts {
  clinicId: string;
  patientId: string;
  appointmentId?: string;
  currency: string;
  number?: string | null;
  dueDate?: string | null;
  /** An invoice's gross (invoice.*), or a payment and the balance after it (payment.recorded). */
  grossCents?: number;
  amountCents?: number;
  balanceCents?: number;
}

/**
 * One billing event: the patient's notice, if it is one they need (billingNoticeFor) and still
 * news. The amount is the invoice's gross, or the payment's (a refund's shown as what was given back).
 */
async function onBillingEvent(tx: NotificationsTx, event: EventEnvelope, facts: BillingFacts, deps: Deps): Promise<void> {
  const type = billingNoticeFor(event.type, facts);
  if (!type) return;
  const now = deps.now();
  if (!eventIsFresh(new Date(event.occurredAt), now, deps.noticeMaxAgeMs)) {
    deps.logger.info({ eventId: event.id, type: event.type, occurredAt: event.occurredAt }, 'no notice: the event is too old');
    return;
  }
  const { contact, clinicName } = await recipientAtClinic(tx, facts.patientId, facts.clinicId);
  const amountCents = Math.abs(facts.amountCents ?? facts.grossCents ?? 0);
  const message: InvoiceMessageFacts = {
    recipientName: contact?.name ?? 'Patient',
    clinicName,
    invoiceNumber: facts.number ?? null,
    amountCents,
    // A new invoice is due in full; a voided one not at all.
    balanceCents: facts.balanceCents ?? (type === 'INVOICE_VOIDED' ? 0 : amountCents),
    currency: facts.currency,
    dueDate: facts.dueDate ?? null,
  };
  await notify(
    { tx, now, logger: deps.logger, templates: deps.templates },
    { userId: facts.patientId, type, sourceId: event.id, appointmentId: facts.appointmentId ?? null, contact, facts: message, deliverBy: null },
  );
}

/**
 * Tells patients about their invoices: issued, a payment or refund recorded, paid in full, voided.
 * Its own consumer group (notifications.billing), so it reads the billing topic from the start of
 * what it holds without replaying the appointment notices; the notice is written in the
 * transaction that records the event id, so a replay changes nothing.
 */
export function consumeBilling(deps: Deps): Promise<EventConsumer> {
  return startEventConsumer({
    ...deps,
    groupId: 'notifications.billing',
    topics: [Topics.billing.name],
    async handle(event, tx) {
      await dispatchEvent(event, {
        'invoice.issued': (p) => onBillingEvent(tx, event, p, deps),
        'payment.recorded': (p) => onBillingEvent(tx, event, p, deps),
        'invoice.paid': (p) => onBillingEvent(tx, event, p, deps),
        'invoice.voided': (p) => onBillingEvent(tx, event, p, deps),
      });
    },
  });
}
