import { and, asc, desc, eq, gte, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { invoiceCounters, invoiceLines, invoices, type InvoiceLineRow, type InvoiceRow } from '../db/schema.ts';
import type { InvoiceStatus } from '../domain/invoice-status.ts';
import type { BillingDbOrTx } from './db.ts';

export type NewInvoice = typeof invoices.$inferInsert;

/**
 * The invoice and its lines, unless the appointment already has one of this kind: then nothing
 * (null). Two transactions racing on one appointment meet at the unique index; the second waits
 * for the first and inserts nothing.
 */
export async function insertInvoiceOnce(
  db: BillingDbOrTx,
  invoice: NewInvoice,
  lines: readonly Omit<InvoiceLineRow, 'invoiceId'>[],
): Promise<InvoiceRow | null> {
  const [row] = await db
    .insert(invoices)
    .values(invoice)
    .onConflictDoNothing({ target: [invoices.appointmentId, invoices.kind] })
    .returning();
  if (!row) return null;
  if (lines.length > 0) await db.insert(invoiceLines).values(lines.map((line) => ({ ...line, invoiceId: row.id })));
  return row;
}

/** The clinic's next number in `year`: the counter row stays locked until the transaction ends, so numbers have no gaps. */
export async function nextInvoiceSequence(db: BillingDbOrTx, clinicId: string, year: number): Promise<number> {
  const [row] = await db
    .insert(invoiceCounters)
    .values({ clinicId, year, lastNumber: 1 })
    .onConflictDoUpdate({ target: [invoiceCounters.clinicId, invoiceCounters.year], set: { lastNumber: sql`${invoiceCounters.lastNumber} + 1` } })
    .returning({ lastNumber: invoiceCounters.lastNumber });
  return row!.lastNumber;
}

/** Locks the invoice's row for the rest of the transaction: payments on one invoice are applied one at a time. */
export async function lockInvoice(db: BillingDbOrTx, id: string): Promise<InvoiceRow | null> {
  const [row] = await db.select().from(invoices).where(eq(invoices.id, id)).for('update').limit(1);
  return row ?? null;
}

export async function updateInvoice(db: BillingDbOrTx, id: string, change: Partial<NewInvoice>): Promise<InvoiceRow> {
  const [row] = await db
    .update(invoices)
    .set({ ...change, updatedAt: new Date() })
    .where(eq(invoices.id, id))
    .returning();
  return row!;
}

export async function findInvoicesByIds(db: BillingDbOrTx, ids: readonly string[]): Promise<InvoiceRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(invoices)
    .where(inArray(invoices.id, [...ids]));
}

/** Every invoice of the appointments, oldest first (the visit's, or the fee's). */
export async function invoicesOfAppointments(db: BillingDbOrTx, appointmentIds: readonly string[]): Promise<InvoiceRow[]> {
  if (appointmentIds.length === 0) return [];
  return db
    .select()
    .from(invoices)
    .where(inArray(invoices.appointmentId, [...appointmentIds]))
    .orderBy(asc(invoices.createdAt));
}

export async function linesOf(db: BillingDbOrTx, invoiceIds: readonly string[]): Promise<InvoiceLineRow[]> {
  if (invoiceIds.length === 0) return [];
  return db
    .select()
    .from(invoiceLines)
    .where(inArray(invoiceLines.invoiceId, [...invoiceIds]))
    .orderBy(asc(invoiceLines.position));
}

export interface InvoiceFilter {
  clinicId?: string | null;
  patientId?: string | null;
  doctorId?: string | null;
  status?: InvoiceStatus | null;
  /** False leaves drafts out (they are STAFF's alone); absent or true keeps them. */
  drafts?: boolean;
  from?: Date | null;
  to?: Date | null;
  /** The last row of the previous page: (createdAt, id). */
  after?: { createdAt: Date; id: string } | null;
}

/** Newest first, by (createdAt, id); `limit` rows. */
export async function listInvoices(db: BillingDbOrTx, filter: InvoiceFilter, limit: number): Promise<InvoiceRow[]> {
  const conditions: SQL[] = [];
  if (filter.clinicId) conditions.push(eq(invoices.clinicId, filter.clinicId));
  if (filter.patientId) conditions.push(eq(invoices.patientId, filter.patientId));
  if (filter.doctorId) conditions.push(eq(invoices.doctorId, filter.doctorId));
  if (filter.status) conditions.push(eq(invoices.status, filter.status));
  if (filter.drafts === false) conditions.push(ne(invoices.status, 'DRAFT'));
  if (filter.from) conditions.push(gte(invoices.createdAt, filter.from));
  if (filter.to) conditions.push(lt(invoices.createdAt, filter.to));
  if (filter.after) {
    const { createdAt, id } = filter.after;
    conditions.push(or(lt(invoices.createdAt, createdAt), and(eq(invoices.createdAt, createdAt), lt(invoices.id, id)))!);
  }
  return db
    .select()
    .from(invoices)
    .where(and(...conditions))
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(limit);
}
