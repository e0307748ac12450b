import { describe, expect, it } from 'vitest';
import { accountWithRole, waitForMessage } from '@medappt/testkit';
import { adminToken, c, staffToken, unique } from './fixtures.ts';

async function as<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await c.call<T>(query, variables, { token });
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
  return result.data;
}

const SET_PRICE =
  'mutation($c: ID!, $s: ID!, $p: MoneyInput!) { setClinicPrice(clinicId: $c, serviceId: $s, price: $p) { clinic { id currency } service { id } price { amountCents currency } } }';
const DOCTOR_PRICES =
  'query($id: ID!, $c: ID!) { doctor(id: $id) { clinic { currency } servicePrices { service { id priceAt(clinicId: $c) { amountCents currency } } price { amountCents currency } } } }';

describe('prices per clinic', () => {
  it('a patient booking in New York sees what the visit costs there, in USD, not the EUR catalogue price', async () => {
    const admin = await adminToken();
    const staff = await staffToken();
    const { createClinic: ny } = await as<{ createClinic: { id: string; currency: string } }>(
      admin,
      'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id currency } }',
      {
        i: { name: unique('Hudson'), address: '350 5th Ave, New York', timeZone: 'America/New_York', currency: 'usd' },
      },
    );
    expect(ny.currency).toBe('USD');
    const { createClinic: berlin } = await as<{ createClinic: { id: string; currency: string } }>(
      admin,
      'mutation($i: CreateClinicInput!) { createClinic(input: $i) { id currency } }',
      {
        i: { name: unique('Mitte'), address: 'Friedrichstraße 1, Berlin', timeZone: 'Europe/Berlin' },
      },
    );
    expect(berlin.currency).toBe('EUR');
    const { createService: checkUp } = await as<{ createService: { id: string } }>(
      admin,
      'mutation($i: CreateServiceInput!) { createService(input: $i) { id } }',
      {
        i: { name: unique('Check-up'), kind: 'CHECKUP', durationMinutes: 30, price: { amountCents: 6000, currency: 'EUR' } },
      },
    );
    const doctor = await accountWithRole('DOCTOR', c);
    await as(admin, 'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }', {
      i: { userId: doctor.user.id, name: unique('Dr. Hudson'), specialties: ['General practice'], clinicId: ny.id, serviceIds: [checkUp.id] },
    });

    // Before the clinic has its own price, no EUR amount poses as what a New York patient pays.
    const patient = await accountWithRole('PATIENT', c);
    const before = await as<{ doctor: { clinic: { currency: string }; servicePrices: { price: unknown }[] } }>(patient.accessToken, DOCTOR_PRICES, {
      id: doctor.user.id,
      c: ny.id,
    });
    expect(before.doctor).toEqual({ clinic: { currency: 'USD' }, servicePrices: [{ service: { id: checkUp.id, priceAt: null }, price: null }] });

    // A price in another currency than the clinic's is refused, naming the field.
    const wrong = await c.call(SET_PRICE, { c: ny.id, s: checkUp.id, p: { amountCents: 6000, currency: 'EUR' } }, { token: staff });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price.currency' });
    expect(wrong.errors?.[0]?.message).toMatch(/charges in USD, got EUR/);
    const negative = await c.call(SET_PRICE, { c: ny.id, s: checkUp.id, p: { amountCents: -1, currency: 'USD' } }, { token: staff });
    expect(negative.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'price.amountCents' });
    const byPatient = await c.call(SET_PRICE, { c: ny.id, s: checkUp.id, p: { amountCents: 6600, currency: 'USD' } }, { token: patient.accessToken });
    expect(byPatient.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');

    const set = await as<{ setClinicPrice: unknown }>(staff, SET_PRICE, { c: ny.id, s: checkUp.id, p: { amountCents: 6600, currency: 'USD' } });
    expect(set.setClinicPrice).toEqual({ clinic: { id: ny.id, currency: 'USD' }, service: { id: checkUp.id }, price: { amountCents: 6600, currency: 'USD' } });

    const after = await as<{ doctor: unknown }>(patient.accessToken, DOCTOR_PRICES, { id: doctor.user.id, c: ny.id });
    expect(after.doctor).toEqual({
      clinic: { currency: 'USD' },
      servicePrices: [{ service: { id: checkUp.id, priceAt: { amountCents: 6600, currency: 'USD' } }, price: { amountCents: 6600, currency: 'USD' } }],
    });
    // In Berlin, a EUR clinic without its own price, the catalogue price is what one pays.
    const atBerlin = await as<{ service: { price: unknown; priceAt: unknown } }>(
      patient.accessToken,
      'query($s: ID!, $c: ID!) { service(id: $s) { price { amountCents currency } priceAt(clinicId: $c) { amountCents currency } } }',
      { s: checkUp.id, c: berlin.id },
    );
    expect(atBerlin.service).toEqual({ price: { amountCents: 6000, currency: 'EUR' }, priceAt: { amountCents: 6000, currency: 'EUR' } });
    const unknownClinic = await c.call('query($s: ID!) { service(id: $s) { priceAt(clinicId: "00000000-0000-4000-8000-000000000000") { amountCents } } }', {
      s: checkUp.id,
    });
    expect(unknownClinic.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
    const list = await as<{ clinic: { prices: unknown[] } }>(
      patient.accessToken,
      'query($c: ID!) { clinic(id: $c) { prices { service { id } price { amountCents currency } } } }',
      { c: ny.id },
    );
    expect(list.clinic.prices).toEqual([{ service: { id: checkUp.id }, price: { amountCents: 6600, currency: 'USD' } }]);

    // Other subgraphs (billing next) learn the price list and the clinic's currency from doctors.events.v1.
    const event = await waitForMessage('doctors.events.v1', (m) => m.key === ny.id && m.value.includes('"clinic_price.saved"'));
    expect(JSON.parse(event.value).payload).toMatchObject({ clinicId: ny.id, serviceId: checkUp.id, priceCents: 6600, currency: 'USD' });
    const clinicEvent = await waitForMessage('doctors.events.v1', (m) => m.key === ny.id && m.value.includes('"clinic.saved"'));
    expect(JSON.parse(clinicEvent.value).payload).toMatchObject({ currency: 'USD' });

    // The clinic's currency cannot change under its prices; once they are removed it can.
    const recurrency = 'mutation($id: ID!, $cur: String!) { updateClinic(id: $id, input: { currency: $cur }) { currency } }';
    const refused = await c.call(recurrency, { id: ny.id, cur: 'CAD' }, { token: staff });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.currency' });
    await as(staff, 'mutation($c: ID!, $s: ID!) { removeClinicPrice(clinicId: $c, serviceId: $s) { id } }', { c: ny.id, s: checkUp.id });
    expect(await as(staff, recurrency, { id: ny.id, cur: 'CAD' })).toEqual({ updateClinic: { currency: 'CAD' } });
  }, 60_000);
});
