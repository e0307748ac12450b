import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/postgres-js';
import { describe, expect, it } from 'vitest';
import { connectToDatabase, createEnvelope, Topics } from '@medappt/platform';
import { adminSession, errorCodes, publishRaw, testEnv, waitForMessage } from '@medappt/testkit';
import * as schema from '../src/db/schema.ts';
import { handleAppointmentEvent } from '../src/events/consumes-appointments.ts';
import {
  appointmentInvoice,
  as,
  c,
  completedVisit,
  invoiceOf,
  invoicesOfPatient,
  patient,
  practice,
  publishAppointmentEvent,
  publishedEvent,
  readInvoice,
  setSettingsCall,
  settingsOf,
  uniquePrefix,
} from './fixtures.ts';

const year = (): number => new Date().getUTCFullYear();
const eur = (amountCents: number) => ({ amountCents, currency: 'EUR' });

describe('an invoice per completed visit, once', () => {
  it('completing a visit issues one numbered invoice at the price of the day, with tax per line; a replay or a duplicate creates nothing', async () => {
    const prefix = uniquePrefix();
    const p = await practice({ priceCents: 1050, settings: { taxRateBasisPoints: 1900, paymentTermsDays: 30, invoicePrefix: prefix, noShowFee: eur(700) } });
    const pat = await patient();
    const appointmentId = await completedVisit(p, pat);

    const invoice = await invoiceOf(appointmentId, pat.accessToken);
    expect(invoice).toMatchObject({
      number: `${prefix}-${year()}-000001`,
      kind: 'VISIT',
      status: 'ISSUED',
      taxRateBasisPoints: 1900,
      lines: [{ description: p.serviceName, amount: eur(1050), tax: eur(200) }], // 199.5 → 200, half up
      net: eur(1050),
      tax: eur(200),
      gross: eur(1250),
      balance: eur(1250),
      payments: [],
      appointment: { id: appointmentId },
      patient: { id: pat.user.id },
    });
    const issuedDay = invoice.issuedAt!.slice(0, 10);
    expect(Date.parse(invoice.dueDate!) - Date.parse(issuedDay)).toBe(30 * 86_400_000);
    const issued = await waitForMessage(Topics.billing.name, (m) => m.key === invoice.id && m.value.includes('"invoice.issued"'));
    expect(JSON.parse(issued.value).payload).toEqual({
      invoiceId: invoice.id,
      clinicId: p.clinicId,
      patientId: pat.user.id,
      appointmentId,
      kind: 'VISIT',
      currency: 'EUR',
      grossCents: 1250,
      number: invoice.number,
      dueDate: invoice.dueDate,
      issuedAt: invoice.issuedAt,
    });

    // The same envelope again (a redelivery), and the same change under a new event id (a duplicate).
    const original = await publishedEvent(appointmentId, 'appointment.completed');
    await publishRaw(Topics.appointments.name, appointmentId, original);
    const parsed = JSON.parse(original) as { payload: Record<string, unknown> };
    await publishAppointmentEvent('appointment.completed', parsed.payload);
    // Behind them on the partition: a no-show for the same appointment, whose fee shows they were handled.
    await publishAppointmentEvent('appointment.no_show', { ...parsed.payload, status: 'NO_SHOW' });
    const all = await eventuallyInvoices(pat.user.id, p.staff.accessToken, 2);
    expect(all.map((i) => [i.kind, i.number])).toEqual([
      ['NO_SHOW_FEE', `${prefix}-${year()}-000002`],
      ['VISIT', `${prefix}-${year()}-000001`],
    ]);
  });

  it('two consumers racing on duplicated events create one invoice and use one number', async () => {
    const prefix = uniquePrefix();
    const p = await practice({ settings: { invoicePrefix: prefix } });
    const pat = await patient();
    // A first visit makes sure billing's copy of the doctor and service is there.
    await invoiceOf(await completedVisit(p, pat), pat.accessToken);

    const { postgresUrl, dbPrefix } = testEnv();
    const sql = connectToDatabase(postgresUrl, `${dbPrefix}_billing`);
    try {
      const db = drizzle(sql, { schema });
      const appointmentId = randomUUID();
      const payload = {
        appointmentId,
        doctorId: p.doctorId,
        patientId: pat.user.id,
        serviceId: p.serviceId,
        startAt: new Date().toISOString(),
        endAt: new Date().toISOString(),
        status: 'COMPLETED',
      };
      const events = [0, 1, 2].map(() => createEnvelope({ type: 'appointment.completed', key: appointmentId, payload }));
      await Promise.all(events.map((event) => db.transaction((tx) => handleAppointmentEvent(event, tx, () => new Date()))));
      const invoices = await invoicesOfPatient(pat.user.id, p.staff.accessToken);
      expect(invoices.filter((i) => i.appointment.id === appointmentId).map((i) => i.number)).toEqual([`${prefix}-${year()}-000002`]);
    } finally {
      await sql.end();
    }
  });
});

async function eventuallyInvoices(patientId: string, token: string, count: number) {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const invoices = await invoicesOfPatient(patientId, token);
    if (invoices.length >= count || Date.now() > deadline) return invoices;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('who sees an invoice', () => {
  it('the patient and the doctor of the visit, and staff; not another patient or doctor, nor anyone anonymous', async () => {
    const p = await practice();
    const other = await practice();
    const pat = await patient();
    const stranger = await patient();
    const appointmentId = await completedVisit(p, pat);
    const invoice = await invoiceOf(appointmentId, pat.accessToken);

    expect((await readInvoice(invoice.id, p.doctor.accessToken)).data?.invoice?.id).toBe(invoice.id);
    expect((await readInvoice(invoice.id, p.staff.accessToken)).data?.invoice?.id).toBe(invoice.id);

    // Someone else's invoice is answered as an unknown one, word for word: no probing which ids are invoices.
    const unknownId = randomUUID();
    const unknown = await readInvoice(unknownId, stranger.accessToken);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    for (const token of [stranger.accessToken, other.doctor.accessToken]) {
      const refused = await readInvoice(invoice.id, token);
      expect(errorCodes(refused)).toEqual(['NOT_FOUND']);
      expect(refused.errors?.[0]?.message.replace(invoice.id, unknownId)).toBe(unknown.errors?.[0]?.message);
      expect(refused.data?.invoice ?? null).toBeNull();
    }
    expect(errorCodes(await readInvoice(invoice.id))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await readInvoice(randomUUID(), p.staff.accessToken))).toEqual(['NOT_FOUND']);

    // The patient lists their own; someone else's list is refused (billing's FORBIDDEN at that place).
    const own = await as<{ myPatientProfile: { invoices: { edges: { node: { id: string } }[] } } }>(
      pat.accessToken,
      '{ myPatientProfile { invoices { edges { node { id } } } } }',
    );
    expect(own.myPatientProfile.invoices.edges.map((e) => e.node.id)).toEqual([invoice.id]);
    // The doctor of the visit lists the invoices of their own visits with the patient.
    const doctorsList = await as<{ patient: { invoices: { edges: { node: { id: string } }[] } } }>(
      p.doctor.accessToken,
      'query($id: ID!) { patient(id: $id) { invoices { edges { node { id } } } } }',
      {
        id: pat.user.id,
      },
    );
    expect(doctorsList.patient.invoices.edges.map((e) => e.node.id)).toEqual([invoice.id]);

    // Staff list a clinic's invoices; a patient may not.
    const list = await as<{ invoices: { edges: { node: { id: string } }[] } }>(
      p.staff.accessToken,
      'query($c: ID!) { invoices(clinicId: $c, status: ISSUED) { edges { node { id } } } }',
      { c: p.clinicId },
    );
    expect(list.invoices.edges.map((e) => e.node.id)).toEqual([invoice.id]);
    expect(errorCodes(await c.call('query($c: ID!) { invoices(clinicId: $c) { edges { cursor } } }', { c: p.clinicId }, { token: pat.accessToken }))).toEqual([
      'FORBIDDEN',
    ]);

    // Appointment.invoice for the doctor of the visit.
    expect((await appointmentInvoice(appointmentId, p.doctor.accessToken)).data?.appointment?.invoice?.id).toBe(invoice.id);
  });

  it("not admins: they run accounts and do not see who is whose patient, so nowhere a patient's invoice would appear", async () => {
    const p = await practice();
    const pat = await patient();
    const appointmentId = await completedVisit(p, pat);
    const invoice = await invoiceOf(appointmentId, pat.accessToken);
    const admin = (await adminSession(c)).accessToken;

    const byId = await readInvoice(invoice.id, admin);
    expect([errorCodes(byId), byId.data?.invoice ?? null]).toEqual([['FORBIDDEN'], null]);
    // appointments already shows ADMIN no appointment (null); Appointment.invoice refuses ADMIN by role if reached otherwise.
    const ofAppointment = await appointmentInvoice(appointmentId, admin);
    expect(ofAppointment.data?.appointment?.invoice ?? null).toBeNull();
    const ofPatient = await c.call<{ patient: { invoices: unknown } | null }>(
      'query($id: ID!) { patient(id: $id) { id invoices { edges { node { id patient { id } lines { description } } } } } }',
      { id: pat.user.id },
      { token: admin },
    );
    expect([errorCodes(ofPatient), ofPatient.data?.patient?.invoices ?? null]).toEqual([['FORBIDDEN'], null]);
    const list = await c.call('query($c: ID!) { invoices(clinicId: $c) { edges { node { id } } } }', { c: p.clinicId }, { token: admin });
    expect(errorCodes(list)).toEqual(['FORBIDDEN']);
    for (const mutation of ['mutation($id: ID!) { issueInvoice(id: $id) { id } }', 'mutation($id: ID!) { voidInvoice(id: $id, reason: "test") { id } }']) {
      expect(errorCodes(await c.call(mutation, { id: invoice.id }, { token: admin })), mutation).toEqual(['FORBIDDEN']);
    }
  });
});

describe('settings and bad input', () => {
  it('concurrent edits of different fields all survive, on a clinic without settings yet and on one with', async () => {
    const p = await practice();
    const edit = async (changes: Record<string, unknown>[]) => {
      for (const result of await Promise.all(changes.map((change) => setSettingsCall(p, change)))) expect(result.errors).toBeUndefined();
    };
    await edit([{ taxRateBasisPoints: 700 }, { paymentTermsDays: 30 }, { invoicePrefix: 'RACE' }, { noShowFee: eur(500) }, { reviewBeforeIssue: true }]);
    expect(await settingsOf(p)).toMatchObject({
      taxRateBasisPoints: 700,
      paymentTermsDays: 30,
      invoicePrefix: 'RACE',
      noShowFee: eur(500),
      reviewBeforeIssue: true,
    });
    await edit([
      { taxRateBasisPoints: 1900 },
      { paymentTermsDays: 7 },
      { invoicePrefix: 'AGAIN' },
      { lateCancellationFee: eur(900) },
      { reviewBeforeIssue: false },
    ]);
    expect(await settingsOf(p)).toMatchObject({
      taxRateBasisPoints: 1900,
      paymentTermsDays: 7,
      invoicePrefix: 'AGAIN',
      noShowFee: eur(500),
      lateCancellationFee: eur(900),
      reviewBeforeIssue: false,
    });
  });

  it("staff set a clinic's billing; a bad field is BAD_USER_INPUT naming it, and nothing is saved", async () => {
    const p = await practice();
    expect(await settingsOf(p)).toEqual({
      clinicId: p.clinicId,
      currency: 'EUR',
      taxRateBasisPoints: 0,
      paymentTermsDays: 14,
      invoicePrefix: 'INV',
      noShowFee: eur(0),
      lateCancellationFee: eur(0),
      reviewBeforeIssue: false,
    });

    const cases: [Record<string, unknown>, string][] = [
      [{ taxRateBasisPoints: 10_001 }, 'input.taxRateBasisPoints'],
      [{ invoicePrefix: 'mit-te' }, 'input.invoicePrefix'],
      [{ currency: 'USD' }, 'input.currency'],
      [{ noShowFee: { amountCents: 100, currency: 'USD' } }, 'input.noShowFee.currency'],
      [{ paymentTermsDays: -1 }, 'input.paymentTermsDays'],
    ];
    for (const [input, field] of cases) {
      const result = await setSettingsCall(p, { taxRateBasisPoints: 700, ...input });
      expect(errorCodes(result), field).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field'], field).toBe(field);
    }
    const unchanged = await as<{ billingSettings: { taxRateBasisPoints: number } }>(
      p.staff.accessToken,
      'query($id: ID!) { billingSettings(clinicId: $id) { taxRateBasisPoints } }',
      { id: p.clinicId },
    );
    expect(unchanged.billingSettings.taxRateBasisPoints).toBe(0);

    const saved = await setSettingsCall(p, { taxRateBasisPoints: 700, lateCancellationFee: eur(1500), invoicePrefix: 'MITTE' });
    expect(saved.errors).toBeUndefined();
    expect(saved.data?.setBillingSettings).toMatchObject({
      taxRateBasisPoints: 700,
      lateCancellationFee: eur(1500),
      invoicePrefix: 'MITTE',
      paymentTermsDays: 14,
    });

    const pat = await patient();
    expect(errorCodes(await setSettingsCall(p, { taxRateBasisPoints: 1 }, pat.accessToken))).toEqual(['FORBIDDEN']);
    const badId = await c.call('query { invoice(id: "nope") { id } }', {}, { token: p.staff.accessToken });
    expect([errorCodes(badId), badId.errors?.[0]?.extensions?.['field']]).toEqual([['BAD_USER_INPUT'], 'id']);
    const unknownClinic = await setSettingsCall({ ...p, clinicId: randomUUID() }, {});
    expect(errorCodes(unknownClinic)).toEqual(['NOT_FOUND']);
  });
});
