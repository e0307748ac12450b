import { asc, inArray } from 'drizzle-orm';
import { payments, type PaymentRow } from '../db/schema.ts';
import type { BillingDbOrTx } from './db.ts';

export async function insertPayment(db: BillingDbOrTx, payment: typeof payments.$inferInsert): Promise<PaymentRow> {
  const [row] = await db.insert(payments).values(payment).returning();
  return row!;
}

export async function paymentsOf(db: BillingDbOrTx, invoiceIds: readonly string[]): Promise<PaymentRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(payments)
    .where(inArray(payments.invoiceId, [...invoiceIds]))
    .orderBy(asc(payments.receivedAt), asc(payments.createdAt));
}
