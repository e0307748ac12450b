import { describe, expect, it } from 'vitest';
import { seed, waitForEmail } from '@medappt/testkit';
import { c, isNotice } from './fixtures.ts';
import { billingSettings, completedVisit, inboxWith, invoiceOf, longDate, recordPayment, voidInvoice } from './visit-fixtures.ts';

const year = new Date().getUTCFullYear();

describe('notices about invoices', () => {
  it('an invoice issued at completion, a payment, the payment that settles it and a refund each reach the patient, with number and amounts', async () => {
    const p = await seed.practice();
    const prefix = await billingSettings(p, { paymentTermsDays: 14 });
    const pat = await seed.patient();
    const appointmentId = await completedVisit(p, pat, 42);
    const invoice = await invoiceOf(appointmentId, pat.accessToken);
    expect(invoice).toMatchObject({ number: `${prefix}-${year}-000001`, gross: { amountCents: 5000, currency: 'EUR' } });

    const issued = (await inboxWith(pat.accessToken, 'INVOICE_ISSUED')).find((n) => n.type === 'INVOICE_ISSUED')!;
    expect(issued.appointmentId).toBe(appointmentId);
    expect(issued.subject).toMatch(new RegExp(`^Your invoice from Clinic \\w+: ${invoice.number}$`));
    expect(issued.body).toContain(`Invoice number: ${invoice.number}\n`);
    expect(issued.body).toContain('Amount due: €50.00\n');
    expect(issued.body).toContain(`Please pay by: ${longDate(invoice.dueDate!, 'en-GB')}\n`);
    const email = await waitForEmail(pat.user.email!, (m) => isNotice(m) && m.subject === issued.subject);
    expect(email.text).toContain('Amount due: €50.00');

    // Payments are recorded by staff; the patient hears what was paid and what is still due.
    const staff = p.staff.accessToken;
    await recordPayment(invoice.id, 2000, staff);
    const paidPart = (await inboxWith(pat.accessToken, 'PAYMENT_RECORDED')).find((n) => n.type === 'PAYMENT_RECORDED')!;
    expect(paidPart.subject).toBe(`Payment received: €20.00 for invoice ${invoice.number}`);
    expect(paidPart.body).toContain('Paid: €20.00\nStill due: €30.00\n');

    await recordPayment(invoice.id, 3000, staff);
    const settled = (await inboxWith(pat.accessToken, 'INVOICE_PAID')).find((n) => n.type === 'INVOICE_PAID')!;
    expect(settled.subject).toBe(`Paid in full: invoice ${invoice.number}`);
    expect(settled.body).toContain('a payment of €30.00, and the invoice');
    expect(settled.body).toContain('Still due: €0.00\n');

    await recordPayment(invoice.id, -1000, staff, 'charged twice for the lab');
    const refunded = (await inboxWith(pat.accessToken, 'PAYMENT_REFUNDED')).find((n) => n.type === 'PAYMENT_REFUNDED')!;
    expect(refunded.body).toContain('Refunded: €10.00\nOpen on the invoice now: €10.00\n');
    // Why staff refunded is billing's record: not on Kafka, so not in the notice.
    expect(refunded.body).not.toContain('charged twice');

    // The refund came after the invoice.paid on the invoice's partition: every billing notice is in.
    // The settling payment was told once (invoice.paid adds none), the first one as a part payment.
    const billingTypes = (await inboxWith(pat.accessToken, 'PAYMENT_REFUNDED')).map((n) => n.type).filter((t) => /INVOICE|PAYMENT/.test(t));
    expect(billingTypes.sort()).toEqual(['INVOICE_ISSUED', 'INVOICE_PAID', 'PAYMENT_RECORDED', 'PAYMENT_REFUNDED']);
  }, 90_000);

  it('in German: the issued invoice and its voiding, amounts and dates in German conventions', async () => {
    const p = await seed.practice();
    await billingSettings(p);
    const pat = await seed.patient();
    const prefs = await c.call('mutation { setNotificationPreferences(input: { locale: "de" }) { locale } }', {}, { token: pat.accessToken });
    expect(prefs.errors).toBeUndefined();
    const invoice = await invoiceOf(await completedVisit(p, pat, 44), pat.accessToken);

    const issued = (await inboxWith(pat.accessToken, 'INVOICE_ISSUED')).find((n) => n.type === 'INVOICE_ISSUED')!;
    expect(issued.subject).toMatch(new RegExp(`^Ihre Rechnung von Clinic \\w+: ${invoice.number}$`));
    expect(issued.body).toContain(`Rechnungsnummer: ${invoice.number}\n`);
    expect(issued.body).toContain('Fälliger Betrag: 50,00\u00a0€\n');
    expect(issued.body).toContain(`Zahlbar bis: ${longDate(invoice.dueDate!, 'de-DE')}\n`);

    await voidInvoice(invoice.id, p.staff.accessToken, 'billed to the wrong patient');
    const voided = (await inboxWith(pat.accessToken, 'INVOICE_VOIDED')).find((n) => n.type === 'INVOICE_VOIDED')!;
    expect(voided.subject).toBe(`Rechnung storniert: ${invoice.number}`);
    expect(voided.body).toContain(`die Rechnung ${invoice.number} über 50,00\u00a0€ wurde storniert: Sie müssen sie nicht bezahlen.`);
    expect(voided.body).not.toContain('wrong patient');
  }, 90_000);
});
