import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export { outbox, processedEvents } from '@medappt/platform';

const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
/** Minor units: bigint in Postgres, a JS number here (sums stay far below 2^53). */
const cents = (name: string) => bigint(name, { mode: 'number' });

// The catalogue as doctors.events.v1 tells it: what a visit costs, where, in which currency.

export const clinics = pgTable('clinics', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  timeZone: text('time_zone').notNull(),
  currency: text('currency').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const services = pgTable('services', {
  id: uuid('id').primaryKey(),
  name: text('name').notNull(),
  priceCents: cents('price_cents').notNull(),
  currency: text('currency').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

export const clinicPrices = pgTable(
  'clinic_prices',
  {
    clinicId: uuid('clinic_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    priceCents: cents('price_cents').notNull(),
    currency: text('currency').notNull(),
    /** True once removed: the removal's time is kept so that an older `saved` arriving late changes nothing. */
    removed: boolean('removed').notNull().default(false),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.serviceId] })],
);

export const doctors = pgTable('doctors', {
  id: uuid('id').primaryKey(),
  clinicId: uuid('clinic_id').notNull(),
  updatedAt: instant('updated_at').notNull(),
});

/** A clinic's billing rules; a clinic without a row bills by the defaults (domain/billing-settings.ts). */
export const billingSettings = pgTable(
  'billing_settings',
  {
    clinicId: uuid('clinic_id').primaryKey(),
    /** The currency the fees were set in (the clinic's then): once the clinic's is another, they count as none (adr/014). */
    feeCurrency: text('currency').notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    invoicePrefix: text('invoice_prefix').notNull(),
    noShowFeeCents: cents('no_show_fee_cents').notNull(),
    lateCancellationFeeCents: cents('late_cancellation_fee_cents').notNull(),
    reviewBeforeIssue: boolean('review_before_issue').notNull(),
    updatedBy: uuid('updated_by').notNull(),
    updatedAt: instant('updated_at').notNull().defaultNow(),
  },
  (t) => [check('billing_settings_tax_rate', sql`${t.taxRateBasisPoints} between 0 and 10000`)],
);

/** The last invoice number given per clinic and year, locked by the transaction that issues the next one. */
export const invoiceCounters = pgTable(
  'invoice_counters',
  {
    clinicId: uuid('clinic_id').notNull(),
    year: integer('year').notNull(),
    lastNumber: integer('last_number').notNull(),
  },
  (t) => [primaryKey({ columns: [t.clinicId, t.year] })],
);

export const invoiceKind = pgEnum('invoice_kind', ['VISIT', 'NO_SHOW_FEE', 'LATE_CANCELLATION_FEE']);
export const invoiceStatus = pgEnum('invoice_status', ['DRAFT', 'ISSUED', 'PARTIALLY_PAID', 'PAID', 'VOID']);
export const paymentMethod = pgEnum('payment_method', ['CARD', 'CASH', 'TRANSFER', 'INSURANCE']);

export const invoices = pgTable(
  'invoices',
  {
    id: uuid('id').primaryKey(),
    kind: invoiceKind('kind').notNull(),
    appointmentId: uuid('appointment_id').notNull(),
    clinicId: uuid('clinic_id').notNull(),
    patientId: uuid('patient_id').notNull(),
    doctorId: uuid('doctor_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    /** Given when issued (gapless per clinic and year); a draft has none. */
    number: text('number'),
    status: invoiceStatus('status').notNull(),
    currency: text('currency').notNull(),
    taxRateBasisPoints: integer('tax_rate_basis_points').notNull(),
    netCents: cents('net_cents').notNull(),
    taxCents: cents('tax_cents').notNull(),
    grossCents: cents('gross_cents').notNull(),
    /** The sum of its payments (refunds negative): kept with each payment under the invoice's row lock. */
    paidCents: cents('paid_cents').notNull().default(0),
    paymentTermsDays: integer('payment_terms_days').notNull(),
    dueDate: date('due_date', { mode: 'string' }),
    issuedAt: instant('issued_at'),
    paidAt: instant('paid_at'),
    voidedAt: instant('voided_at'),
    voidReason: text('void_reason'),
    /** The appointment event that created it. */
    sourceEventId: uuid('source_event_id').notNull(),
    createdAt: instant('created_at').notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [
    // One invoice of each kind per appointment: a duplicated event or a racing consumer creates nothing more.
    uniqueIndex('invoices_appointment_kind_key').on(t.appointmentId, t.kind),
    uniqueIndex('invoices_clinic_number_key').on(t.clinicId, t.number),
    index('invoices_patient_idx').on(t.patientId, t.createdAt, t.id),
    index('invoices_clinic_idx').on(t.clinicId, t.createdAt, t.id),
    check('invoices_paid_within_gross', sql`${t.paidCents} between 0 and ${t.grossCents}`),
  ],
);

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    netCents: cents('net_cents').notNull(),
    taxCents: cents('tax_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.position] })],
);

export const payments = pgTable(
  'payments',
  {
    id: uuid('id').primaryKey(),
    invoiceId: uuid('invoice_id')
      .notNull()
      .references(() => invoices.id),
    /** Negative for a refund. */
    amountCents: cents('amount_cents').notNull(),
    currency: text('currency').notNull(),
    method: paymentMethod('method').notNull(),
    reference: text('reference'),
    /** Why, for a refund. */
    reason: text('reason'),
    receivedAt: instant('received_at').notNull(),
    recordedBy: uuid('recorded_by').notNull(),
    createdAt: instant('created_at').notNull().defaultNow(),
  },
  (t) => [index('payments_invoice_idx').on(t.invoiceId, t.receivedAt)],
);

export type ClinicRow = typeof clinics.$inferSelect;
export type ServiceRow = typeof services.$inferSelect;
export type BillingSettingsRow = typeof billingSettings.$inferSelect;
export type InvoiceRow = typeof invoices.$inferSelect;
export type InvoiceLineRow = typeof invoiceLines.$inferSelect;
export type PaymentRow = typeof payments.$inferSelect;
