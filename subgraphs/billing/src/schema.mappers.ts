import type { Connection, Edge } from '@medappt/platform';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from './db/schema.ts';
import type { BillingSettings } from './domain/billing-settings.ts';

/** What billing's resolvers receive for each type (codegen reads this file, adr/013). */
export type InvoiceMapper = InvoiceRow;
export type InvoiceLineMapper = InvoiceLineRow & { currency: string };
export type PaymentMapper = PaymentRow;
export type InvoiceConnectionMapper = Connection<InvoiceRow>;
export type InvoiceEdgeMapper = Edge<InvoiceRow>;
export type BillingSettingsMapper = BillingSettings & { clinicId: string };
export interface AppointmentMapper {
  id: string;
}
export interface PatientMapper {
  id: string;
}
