import { describe, expect, it } from 'vitest';
import { testEnv } from '@medappt/testkit';
import { emailLocalPart, seedDoctors } from '../../../scripts/seed/catalogue.ts';
import { seed } from '../../../scripts/seed/run.ts';
import { c } from './fixtures.ts';

describe('seed data', () => {
  it('has 50 distinct doctors with ASCII emails', () => {
    const doctors = seedDoctors();
    expect(new Set(doctors.map((d) => d.name)).size).toBe(50);
    expect(new Set(doctors.map((d) => d.email)).size).toBe(50);
    expect(doctors.every((d) => /^[a-z0-9.]+@doctors\.clinic\.local$/.test(d.email))).toBe(true);
    expect(emailLocalPart('José Müller')).toBe('jose.muller');
    expect(emailLocalPart("Łucja O'Brien")).toBe('lucja.o.brien');
    expect(emailLocalPart('Björn Sørensen')).toBe('bjorn.sorensen');
  });

  it('seeds a running system through the router, and a second run adds nothing', async () => {
    const { routerUrl, admin } = testEnv();
    const runs: string[][] = [[], []];
    for (const lines of runs) await seed({ routerUrl, admin, doctorPassword: 'doctor-password', log: (line) => lines.push(line) });
    expect(runs[0]).toContain('doctors: 50 created, 0 already there');
    expect(runs[0]).toContain('clinic prices: 39 set, 0 already there (USD, INR, AUD)');
    expect(runs[1]).toEqual([
      'clinics: 0 created, 4 already there',
      'services: 0 created, 13 already there',
      'doctors: 0 created, 50 already there',
      'clinic prices: 0 set, 39 already there (USD, INR, AUD)',
      'working hours: set for 50 doctors (Mon-Fri 09:00-12:00, 13:00-17:00 local)',
      'patients: 20 with profiles (patient01@example.com ... / patient-password)',
    ]);

    const login = await c.login('jose.muller@doctors.clinic.local', 'doctor-password');
    const me = await c.call<{ me: { doctorProfile: { name: string; clinic: { timeZone: string }; services: unknown[] } } }>(
      '{ me { doctorProfile { name clinic { timeZone } services { id } } } }',
      {},
      { token: login.data?.login.accessToken },
    );
    expect(me.data?.me.doctorProfile).toMatchObject({ name: 'José Müller', clinic: { timeZone: 'Europe/Berlin' } });
    expect(me.data?.me.doctorProfile.services.length).toBeGreaterThan(0);

    // A patient choosing a doctor in New York, Sydney or Kolkata sees that clinic's currency, not EUR.
    const { data: listed } = await c.call<{ clinics: { id: string; name: string; currency: string }[] }>('{ clinics { id name currency } }');
    const seeded = new Map(listed!.clinics.map((clinic) => [clinic.name, clinic]));
    const expected = {
      'Hudson Medical Center': ['USD', 6600],
      'Harbour Health Sydney': ['AUD', 10200],
      'Park Street Clinic': ['INR', 570000],
      'Praxisklinik Mitte': ['EUR', 6000],
    } as const;
    for (const [name, [currency, checkUpCents]] of Object.entries(expected)) {
      const clinic = seeded.get(name)!;
      expect(clinic.currency).toBe(currency);
      const page = await c.call<{
        doctors: { edges: { node: { servicePrices: { service: { name: string }; price: { amountCents: number; currency: string } | null }[] } }[] };
      }>(
        'query($c: ID!) { doctors(filter: { clinicId: $c }, first: 5) { edges { node { servicePrices { service { name } price { amountCents currency } } } } } }',
        { c: clinic.id },
      );
      const prices = page.data!.doctors.edges.flatMap((e) => e.node.servicePrices);
      expect(prices.length).toBeGreaterThan(0);
      expect(prices.every((p) => p.price?.currency === currency)).toBe(true);
      const checkUp = prices.find((p) => p.service.name === 'General check-up');
      if (checkUp) expect(checkUp.price?.amountCents).toBe(checkUpCents);
    }

    const search = await c.call<{ doctors: { totalCount: number } }>('{ doctors(filter: { search: "jose muller" }) { totalCount } }');
    expect(search.data?.doctors.totalCount).toBeGreaterThanOrEqual(1);
    // Two whole seeds: ~12 s alone, but 140 argon2 hashes compete with the rest of the suite for two cores.
  }, 90_000);
});
