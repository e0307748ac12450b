import { randomBytes } from 'node:crypto';
import { eventually, type AuthPayload, type Practice } from '@medappt/testkit';
import { bookSlot, c, inboxOf, type InboxItem } from './fixtures.ts';

// What happens after a visit, through the public API only: completing it (staff, early, with a
// reason), billing's settings and invoice for it, payments. Visits are weeks ahead, beyond the
// reach of the reminder tests' clock.

async function as<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await c.call<T>(query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 70)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

/** A visit of `who` booked `daysAhead` days from now, confirmed by the doctor and completed by staff before its start (an override). */
export async function completedVisit(p: Practice, who: AuthPayload, daysAhead: number): Promise<string> {
  const { id } = await bookSlot(p, who.accessToken, daysAhead);
  await as(p.doctor.accessToken, 'mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id });
  await as(p.staff.accessToken, 'mutation($id: ID!) { completeAppointment(id: $id, override: { reason: "seen early" }) { id } }', { id });
  return id;
}

/** Billing's settings for the practice's clinic (once doctors.events.v1 brought it there), with an invoice prefix no other test uses; returns the prefix. */
export async function billingSettings(p: Practice, settings: Record<string, unknown> = {}): Promise<string> {
  const prefix = `N${randomBytes(4).toString('hex').toUpperCase()}`;
  await eventually(
    async () => {
      const result = await c.call(
        'mutation($i: BillingSettingsInput!) { setBillingSettings(input: $i) { clinicId } }',
        { i: { clinicId: p.clinicId, invoicePrefix: prefix, ...settings } },
        { token: p.staff.accessToken },
      );
      return result.errors ? undefined : true;
    },
    { timeoutMs: 20_000 },
  );
  return prefix;
}

export interface InvoiceView {
  id: string;
  number: string | null;
  dueDate: string | null;
  gross: { amountCents: number; currency: string };
}

/** The visit's invoice once billing made it. */
export async function invoiceOf(appointmentId: string, token: string): Promise<InvoiceView> {
  return eventually(
    async () => {
      const result = await c.call<{ appointment: { invoice: InvoiceView | null } | null }>(
        'query($id: ID!) { appointment(id: $id) { invoice { id number dueDate gross { amountCents currency } } } }',
        { id: appointmentId },
        { token },
      );
      return result.data?.appointment?.invoice ?? undefined;
    },
    { timeoutMs: 20_000 },
  );
}

/** STAFF records a payment (negative: a refund, which needs a reason) in EUR. */
export async function recordPayment(invoiceId: string, amountCents: number, staffToken: string, reason?: string): Promise<void> {
  await as(staffToken, 'mutation($i: RecordPaymentInput!) { recordPayment(input: $i) { id } }', {
    i: { invoiceId, amount: { amountCents, currency: 'EUR' }, method: 'CARD', ...(reason && { reason }) },
  });
}

/** STAFF voids an invoice. */
export async function voidInvoice(invoiceId: string, staffToken: string, reason: string): Promise<void> {
  await as(staffToken, 'mutation($id: ID!, $r: String!) { voidInvoice(id: $id, reason: $r) { id } }', { id: invoiceId, r: reason });
}

/** The patient's inbox once it holds `count` items of `type`. */
export async function inboxWith(token: string, type: string, count = 1): Promise<InboxItem[]> {
  return eventually(
    async () => {
      const items = (await inboxOf(token)).notifications;
      return items.filter((n) => n.type === type).length >= count ? items : undefined;
    },
    { timeoutMs: 20_000 },
  );
}

/** A calendar date as the templates write it: "Monday, 21 December 2026" (en), "Montag, 21. Dezember 2026" (de). */
export const longDate = (day: string, locale: 'en-GB' | 'de-DE'): string =>
  new Intl.DateTimeFormat(locale, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${day}T12:00:00Z`));
