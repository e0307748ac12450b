import { randomUUID } from 'node:crypto';
import { PoisonMessageError, type AppointmentPayloadV1 } from '@medappt/platform';
import type { InvoiceRow } from '../db/schema.ts';
import { settingsAtClinic } from '../domain/billing-settings.ts';
import { priceAtClinic } from '../domain/clinic-price.ts';
import { billableFor, FEE_DESCRIPTIONS } from '../domain/fee-policy.ts';
import { invoiceTotals, type Money } from '../domain/money.ts';
import { findClinic, findClinicPrice, findDoctor, findService } from '../repository/catalogue.ts';
import type { BillingTx } from '../repository/db.ts';
import { insertInvoiceOnce } from '../repository/invoices.ts';
import { findSettings } from '../repository/settings.ts';
import { issueDraft } from './issue-invoice.ts';

/** What a consumer has instead of a request: its transaction (the one recording the event id) and the clock. */
export interface ConsumerContext {
  readonly tx: BillingTx;
  readonly now: () => Date;
}

/**
 * Invoices an appointment event once: the visit on completion (its price frozen now), a fee by the
 * clinic's policy on a no-show or a late cancellation, nothing otherwise. A second event for the
 * same appointment and kind (replayed under a new id, or racing in another consumer) creates
 * nothing: the unique index decides. A doctor, clinic or service billing has not heard of goes straight to the
 * DLQ (never a guessed price): retrying it in place held the whole partition for seconds per event,
 * and a real one (a visit completed before its doctor reached billing) is replayed from the DLQ.
 */
export async function invoiceAppointment(
  ctx: ConsumerContext,
  input: { type: string; eventId: string; payload: AppointmentPayloadV1 },
): Promise<InvoiceRow | null> {
  const { tx } = ctx;
  const { payload } = input;
  // Only a cancellation inside the cutoff can cost anything: the others need no lookup at all.
  if (input.type === 'appointment.cancelled' && !payload.withinCancellationCutoff) return null;
  const doctor = await findDoctor(tx, payload.doctorId);
  if (!doctor) throw new PoisonMessageError(`doctor ${payload.doctorId} is not known to billing yet (doctors.events.v1)`);
  const clinic = await findClinic(tx, doctor.clinicId);
  if (!clinic) throw new PoisonMessageError(`clinic ${doctor.clinicId} is not known to billing yet (doctors.events.v1)`);
  const settings = settingsAtClinic(await findSettings(tx, clinic.id), clinic.currency);
  const billable = billableFor({ type: input.type, withinCancellationCutoff: payload.withinCancellationCutoff, actorRole: payload.actorRole }, settings);
  if (!billable) return null;

  const service = await findService(tx, payload.serviceId);
  if (!service) throw new PoisonMessageError(`service ${payload.serviceId} is not known to billing yet (doctors.events.v1)`);
  let line: { description: string; price: Money };
  if (billable.kind === 'VISIT') {
    const price = priceAtClinic(clinic.currency, service, await findClinicPrice(tx, clinic.id, service.id));
    if (!price) throw new PoisonMessageError(`service ${service.id} has no price in ${clinic.currency} at clinic ${clinic.id}`);
    line = { description: service.name, price };
  } else {
    line = { description: `${FEE_DESCRIPTIONS[billable.kind]}: ${service.name}`, price: { amountCents: billable.amountCents, currency: clinic.currency } };
  }
  const totals = invoiceTotals([{ description: line.description, netCents: line.price.amountCents }], settings.taxRateBasisPoints);
  const now = ctx.now();
  const created = await insertInvoiceOnce(
    tx,
    {
      id: randomUUID(),
      kind: billable.kind,
      appointmentId: payload.appointmentId,
      clinicId: clinic.id,
      patientId: payload.patientId,
      doctorId: payload.doctorId,
      serviceId: payload.serviceId,
      status: 'DRAFT',
      currency: line.price.currency,
      taxRateBasisPoints: settings.taxRateBasisPoints,
      netCents: totals.netCents,
      taxCents: totals.taxCents,
      grossCents: totals.grossCents,
      paymentTermsDays: settings.paymentTermsDays,
      sourceEventId: input.eventId,
      createdAt: now,
      updatedAt: now,
    },
    totals.lines.map((l, position) => ({ position, description: l.description, netCents: l.netCents, taxCents: l.taxCents })),
  );
  if (!created || settings.reviewBeforeIssue) return created;
  return issueDraft(tx, created, now);
}
