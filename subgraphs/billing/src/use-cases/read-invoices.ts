import {
  badUserInput,
  decodeCursor,
  forbidden,
  isUuid,
  notFound,
  pageSize,
  requireRole,
  requireViewer,
  toConnection,
  type Connection,
} from '@medappt/platform';
import type { BillingContext } from '../context.ts';
import type { InvoiceRow } from '../db/schema.ts';
import { mayReadInvoice, patientInvoiceScope, roleReadsInvoices, seesDrafts } from '../domain/invoice-access.ts';
import type { InvoiceStatus } from '../domain/invoice-status.ts';
import { listInvoices, type InvoiceFilter } from '../repository/invoices.ts';
import { checkId } from './check-input.ts';

const FORBIDDEN_MESSAGE = 'You are not allowed to see this invoice.';

/** The viewer, if their role reads invoices at all (adr/014: not ADMIN); FORBIDDEN otherwise, whatever the id. */
function invoiceReader(ctx: BillingContext) {
  const viewer = requireViewer(ctx.auth);
  if (!roleReadsInvoices(viewer.role)) throw forbidden(FORBIDDEN_MESSAGE);
  return viewer;
}

export async function getInvoice(ctx: BillingContext, input: { id: string }): Promise<InvoiceRow> {
  const viewer = invoiceReader(ctx);
  checkId('id', input.id);
  const invoice = await ctx.loaders.invoiceById.load(input.id);
  // Someone else's is answered as an unknown one: a different answer would tell which ids are invoices.
  if (!invoice || !mayReadInvoice(viewer, invoice)) throw notFound('Invoice', input.id);
  return invoice;
}

/** Appointment.invoice: the visit's invoice, or its fee's (a draft only for STAFF); FORBIDDEN for a viewer with no part in it. */
export async function getAppointmentInvoice(ctx: BillingContext, input: { appointmentId: string }): Promise<InvoiceRow | null> {
  const viewer = invoiceReader(ctx);
  if (!isUuid(input.appointmentId)) return null;
  const invoices = await ctx.loaders.invoicesOfAppointment.load(input.appointmentId);
  const invoice = invoices.find((i) => i.status !== 'DRAFT' || seesDrafts(viewer.role));
  if (!invoice) return null;
  if (!mayReadInvoice(viewer, invoice)) throw forbidden(FORBIDDEN_MESSAGE);
  return invoice;
}

const cursorOf = (row: InvoiceRow) => [row.createdAt.toISOString(), row.id] as const;

function afterOf(cursor: string | null | undefined): InvoiceFilter['after'] {
  const key = decodeCursor(cursor);
  if (!key) return null;
  const [createdAt, id] = key;
  if (key.length !== 2 || typeof createdAt !== 'string' || typeof id !== 'string' || !isUuid(id) || Number.isNaN(Date.parse(createdAt))) {
    throw badUserInput('after', 'is not a cursor of this list; pass an endCursor from a previous page');
  }
  return { createdAt: new Date(createdAt), id };
}

async function page(
  ctx: BillingContext,
  filter: Omit<InvoiceFilter, 'after'>,
  args: { first?: number | null; after?: string | null },
): Promise<Connection<InvoiceRow>> {
  const size = pageSize(args.first);
  const rows = await listInvoices(ctx.db, { ...filter, after: afterOf(args.after) }, size + 1);
  return toConnection(rows, size, cursorOf);
}

export interface InvoiceListInput {
  clinicId?: string | null;
  status?: InvoiceStatus | null;
  from?: Date | null;
  to?: Date | null;
  first?: number | null;
  after?: string | null;
}

/** Query.invoices: STAFF only. */
export async function listClinicInvoices(ctx: BillingContext, input: InvoiceListInput): Promise<Connection<InvoiceRow>> {
  requireRole(ctx.auth, 'STAFF');
  if (input.clinicId != null) checkId('clinicId', input.clinicId);
  if (input.from && input.to && input.from >= input.to) throw badUserInput('to', 'must be after `from`');
  return page(ctx, { clinicId: input.clinicId ?? null, status: input.status ?? null, from: input.from ?? null, to: input.to ?? null }, input);
}

/** Patient.invoices: the patient's own, their visits' for a doctor (neither with drafts), all for STAFF; FORBIDDEN otherwise. */
export async function listPatientInvoices(
  ctx: BillingContext,
  input: { patientId: string; status?: InvoiceStatus | null; first?: number | null; after?: string | null },
): Promise<Connection<InvoiceRow>> {
  const viewer = requireViewer(ctx.auth);
  const scope = isUuid(input.patientId) ? patientInvoiceScope(viewer, input.patientId) : null;
  if (!scope) throw forbidden("You are not allowed to see this patient's invoices.");
  return page(ctx, { patientId: input.patientId, doctorId: scope.doctorId, status: input.status ?? null, drafts: scope.drafts }, input);
}
