import { describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { errorCodes, waitForMessage } from '@medappt/testkit';
import { appointmentInvoice, as, c, completedVisit, invoiceOf, invoicesOfPatient, pay, patient, practice, readInvoice, uniquePrefix } from './fixtures.ts';

const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' });

describe('payments', () => {
  it('partial payments add up to PAID; an overpayment is refused; a refund needs a reason and at most what was paid', async () => {
    const p = await practice({ priceCents: 10_000 });
    const pat = await patient();
    const invoice = await invoiceOf(await completedVisit(p, pat), pat.accessToken);
    const staff = p.staff.accessToken;

    const first = await pay(invoice.id, 4000, staff, { method: 'CASH', reference: 'till 3' });
    expect(first.errors).toBeUndefined();
    expect(first.data?.recordPayment).toMatchObject({
      status: 'PARTIALLY_PAID',
      balance: eur(6000),
      payments: [{ amount: eur(4000), method: 'CASH', reference: 'till 3' }],
    });

    const over = await pay(invoice.id, 6001, staff);
    expect([errorCodes(over), over.errors?.[0]?.extensions?.['field']]).toEqual([['BAD_USER_INPUT'], 'input.amount.amountCents']);
    const wrongCurrency = await pay(invoice.id, 100, staff, { amount: { amountCents: 100, currency: 'USD' } });
    expect(wrongCurrency.errors?.[0]?.extensions?.['field']).toBe('input.amount.currency');

    const rest = await pay(invoice.id, 6000, staff, { method: 'TRANSFER' });
    expect(rest.data?.recordPayment).toMatchObject({ status: 'PAID', balance: eur(0) });
    expect((await pay(invoice.id, 1, staff)).errors?.[0]?.extensions?.['field']).toBe('input.amount.amountCents');

    const noReason = await pay(invoice.id, -1000, staff);
    expect(noReason.errors?.[0]?.extensions?.['field']).toBe('input.reason');
    const tooMuch = await pay(invoice.id, -10_001, staff, { reason: 'refund' });
    expect(tooMuch.errors?.[0]?.extensions?.['field']).toBe('input.amount.amountCents');
    const refund = await pay(invoice.id, -2500, staff, { reason: 'charged twice for the lab' });
    expect(refund.data?.recordPayment).toMatchObject({ status: 'PARTIALLY_PAID', balance: eur(2500) });
    expect(refund.data?.recordPayment.payments.map((x) => x.amount.amountCents)).toEqual([4000, 6000, -2500]);

    // Only staff take payments; the patient sees them.
    expect(errorCodes(await pay(invoice.id, 100, pat.accessToken))).toEqual(['FORBIDDEN']);
    expect((await readInvoice(invoice.id, pat.accessToken)).data?.invoice?.payments).toHaveLength(3);

    const paid = await waitForMessage(Topics.billing.name, (m) => m.key === invoice.id && m.value.includes('"invoice.paid"'));
    expect(JSON.parse(paid.value).payload).toMatchObject({ invoiceId: invoice.id, grossCents: 10_000, currency: 'EUR' });
    const recorded = await waitForMessage(
      Topics.billing.name,
      (m) => m.key === invoice.id && m.value.includes('"payment.recorded"') && m.value.includes('-2500'),
    );
    expect(JSON.parse(recorded.value).payload).toMatchObject({ amountCents: -2500, balanceCents: 2500, method: 'CARD' });
    expect(recorded.value).not.toContain('charged twice');
  }, 60_000); // two fresh consumer groups read the topic: seconds each on a loaded machine

  it('a payment is received neither in the future nor before the issue; the invoice is paid when the settling payment was received', async () => {
    const p = await practice({ priceCents: 10_000 });
    const pat = await patient();
    const invoice = await invoiceOf(await completedVisit(p, pat), pat.accessToken);
    const staff = p.staff.accessToken;
    const issuedAt = Date.parse(invoice.issuedAt!);
    for (const receivedAt of [new Date(Date.now() + 3_600_000), new Date(issuedAt - 60_000)]) {
      const refused = await pay(invoice.id, 10_000, staff, { receivedAt: receivedAt.toISOString() });
      expect([errorCodes(refused), refused.errors?.[0]?.extensions?.['field']], receivedAt.toISOString()).toEqual([['BAD_USER_INPUT'], 'input.receivedAt']);
    }
    const receivedAt = new Date(issuedAt + 1).toISOString();
    expect((await pay(invoice.id, 10_000, staff, { receivedAt })).data?.recordPayment.status).toBe('PAID');
    const paid = await as<{ invoice: { paidAt: string; payments: { receivedAt: string }[] } }>(
      staff,
      'query($id: ID!) { invoice(id: $id) { paidAt payments { receivedAt } } }',
      { id: invoice.id },
    );
    expect(paid.invoice).toEqual({ paidAt: receivedAt, payments: [{ receivedAt }] });
  });

  it('two payments racing for more than the balance: one is taken, the other refused', async () => {
    const p = await practice({ priceCents: 10_000 });
    const pat = await patient();
    const invoice = await invoiceOf(await completedVisit(p, pat), pat.accessToken);
    const results = await Promise.all([
      pay(invoice.id, 6000, p.staff.accessToken),
      pay(invoice.id, 6000, p.staff.accessToken),
      pay(invoice.id, 6000, p.staff.accessToken),
    ]);
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.flatMap(errorCodes)).toEqual(['BAD_USER_INPUT', 'BAD_USER_INPUT']);
    const after = await readInvoice(invoice.id, p.staff.accessToken);
    expect(after.data?.invoice).toMatchObject({ status: 'PARTIALLY_PAID', balance: eur(4000) });
    expect(after.data?.invoice?.payments).toHaveLength(1);
  });
});

describe('review before issue, and voiding', () => {
  it('a clinic that reviews keeps the invoice a draft until staff issue it; void needs a reason and nothing paid', async () => {
    const prefix = uniquePrefix();
    const p = await practice({ settings: { reviewBeforeIssue: true, invoicePrefix: prefix } });
    const pat = await patient();
    const appointmentId = await completedVisit(p, pat);
    const draft = await invoiceOf(appointmentId, p.staff.accessToken);
    expect(draft).toMatchObject({ status: 'DRAFT', number: null, dueDate: null });
    // Until issued it is the clinic's work in progress: to the patient and the doctor it does not exist.
    for (const who of [pat.accessToken, p.doctor.accessToken]) {
      const ofAppointment = await appointmentInvoice(appointmentId, who);
      expect([errorCodes(ofAppointment), ofAppointment.data?.appointment?.invoice]).toEqual([[], null]);
      expect(errorCodes(await readInvoice(draft.id, who))).toEqual(['NOT_FOUND']);
      const list = await as<{ patient: { invoices: { edges: unknown[] } } }>(who, 'query($id: ID!) { patient(id: $id) { invoices { edges { cursor } } } }', {
        id: pat.user.id,
      });
      expect(list.patient.invoices.edges).toEqual([]);
    }
    expect((await invoicesOfPatient(pat.user.id, p.staff.accessToken)).map((i) => i.id)).toEqual([draft.id]);
    expect(errorCodes(await pay(draft.id, 100, p.staff.accessToken))).toEqual(['INVALID_TRANSITION']);

    const issued = await as<{ issueInvoice: { status: string; number: string; dueDate: string } }>(
      p.staff.accessToken,
      'mutation($id: ID!) { issueInvoice(id: $id) { status number dueDate } }',
      { id: draft.id },
    );
    expect(issued.issueInvoice).toMatchObject({ status: 'ISSUED', number: `${prefix}-${new Date().getUTCFullYear()}-000001` });
    expect((await appointmentInvoice(appointmentId, pat.accessToken)).data?.appointment?.invoice?.id).toBe(draft.id);
    expect((await readInvoice(draft.id, p.doctor.accessToken)).data?.invoice?.status).toBe('ISSUED');
    const again = await pay(draft.id, 0, p.staff.accessToken);
    expect(again.errors?.[0]?.extensions?.['field']).toBe('input.amount.amountCents');

    const VOID = 'mutation($id: ID!, $r: String!) { voidInvoice(id: $id, reason: $r) { status voidReason number balance { amountCents } } }';
    expect((await pay(draft.id, 100, p.staff.accessToken)).errors).toBeUndefined();
    const refused = await c.call(VOID, { id: draft.id, r: 'wrong patient' }, { token: p.staff.accessToken });
    expect(errorCodes(refused)).toEqual(['INVALID_TRANSITION']);
    expect((await pay(draft.id, -100, p.staff.accessToken, { reason: 'wrong patient' })).errors).toBeUndefined();
    const blank = await c.call(VOID, { id: draft.id, r: '  ' }, { token: p.staff.accessToken });
    expect(blank.errors?.[0]?.extensions?.['field']).toBe('reason');
    const voided = await as<{ voidInvoice: { status: string; voidReason: string; number: string; balance: { amountCents: number } } }>(
      p.staff.accessToken,
      VOID,
      { id: draft.id, r: 'wrong patient' },
    );
    expect(voided.voidInvoice).toEqual({ status: 'VOID', voidReason: 'wrong patient', number: issued.issueInvoice.number, balance: { amountCents: 0 } });
  });
});
