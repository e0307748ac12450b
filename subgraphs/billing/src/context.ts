import DataLoader from 'dataloader';
import { alignById, groupByKeys, isUuid, type BaseContext } from '@medappt/platform';
import type { InvoiceLineRow, InvoiceRow, PaymentRow } from './db/schema.ts';
import type { BillingDb } from './repository/db.ts';
import { findInvoicesByIds, invoicesOfAppointments, linesOf } from './repository/invoices.ts';
import { paymentsOf } from './repository/payments.ts';

export interface BillingContext extends BaseContext {
  readonly db: BillingDb;
  /** The clock: injectable so tests never depend on wall time. */
  readonly now: () => Date;
  readonly loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: BillingDb) {
  // A malformed id (an entity reference, say) names nothing: it must not fail the whole batch in Postgres.
  const valid = (ids: readonly string[]): string[] => ids.filter(isUuid);
  return {
    invoiceById: new DataLoader<string, InvoiceRow | null>(async (ids) => alignById(ids, await findInvoicesByIds(db, valid(ids)))),
    invoicesOfAppointment: new DataLoader<string, InvoiceRow[]>(async (ids) =>
      groupByKeys(ids, await invoicesOfAppointments(db, valid(ids)), (r) => r.appointmentId),
    ),
    linesOfInvoice: new DataLoader<string, InvoiceLineRow[]>(async (ids) => groupByKeys(ids, await linesOf(db, ids), (r) => r.invoiceId)),
    paymentsOfInvoice: new DataLoader<string, PaymentRow[]>(async (ids) => groupByKeys(ids, await paymentsOf(db, ids), (r) => r.invoiceId)),
  };
}

export function createBillingContext(base: BaseContext, deps: { db: BillingDb; now: () => Date }): BillingContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
