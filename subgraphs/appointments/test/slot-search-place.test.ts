import { describe, expect, it } from 'vitest';
import { errorCodes, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;
const SEARCH = `query($s: ID!, $f: DateTime!, $t: DateTime!, $c: ID, $sp: String) {
  availableSlots(serviceId: $s, from: $f, to: $t, clinicId: $c, specialty: $sp, first: 1000) { start doctor { id } clinic { id } }
}`;
type Found = { availableSlots: { start: string; doctor: { id: string }; clinic: { id: string } }[] };

// Issue #11, item 7: a Berlin patient losing a Berlin slot was offered a Kolkata doctor at the same UTC instant.
describe('slot search and alternatives keep to the place', () => {
  it('a Berlin patient who loses a slot is offered Berlin doctors only, and can search one clinic', async () => {
    const p = await seed.clinic({ timeZone: 'Europe/Berlin' }).service().doctor().hours();
    const berlinColleague = await seed.colleague(p);
    const kolkata = (await seed.clinic({ timeZone: 'Asia/Kolkata' })).clinicId;
    const kolkataDoctor = await seed.colleague(p, { clinicId: kolkata, timeZone: 'Asia/Kolkata' });
    const from = new Date(Date.now() + DAY);
    // A Berlin time that a Kolkata doctor also has free at the same UTC instant.
    const kolkataStarts = new Set((await freeSlots({ ...p, doctorId: kolkataDoctor.doctorId }, from)).map((s) => s.start));
    const slot = (await freeSlots(p, from)).find((s) => kolkataStarts.has(s.start));
    expect(slot).toBeDefined();

    const [first, second] = [await seed.patient(), await seed.patient()];
    expect((await book(first.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data?.bookAppointment.__typename).toBe(
      'Appointment',
    );
    const lost = (await book(second.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment;
    expect(lost.__typename).toBe('SlotUnavailable');
    if (lost.__typename !== 'SlotUnavailable') return;
    const offeredDoctors = new Set(lost.alternatives.map((a) => a.doctor.id));
    expect(offeredDoctors).toContain(p.doctorId);
    expect(offeredDoctors).toContain(berlinColleague.doctorId);
    expect(offeredDoctors).not.toContain(kolkataDoctor.doctorId);

    const window = { s: p.serviceId, f: from.toISOString(), t: new Date(from.getTime() + DAY).toISOString() };
    const everywhere = await c.call<Found>(SEARCH, window);
    expect(new Set(everywhere.data?.availableSlots.map((s) => s.clinic.id))).toEqual(new Set([p.clinicId, kolkata]));
    const inBerlin = await c.call<Found>(SEARCH, { ...window, c: p.clinicId });
    expect(inBerlin.errors).toBeUndefined();
    expect(new Set(inBerlin.data?.availableSlots.map((s) => s.doctor.id))).toEqual(new Set([p.doctorId, berlinColleague.doctorId]));
    expect(inBerlin.data?.availableSlots.every((s) => s.clinic.id === p.clinicId)).toBe(true);
    expect(errorCodes(await c.call(SEARCH, { ...window, c: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
  });

  it('an unknown specialty is BAD_USER_INPUT naming `specialty`, not an empty list', async () => {
    const p = await seed.practice();
    const window = { s: p.serviceId, f: new Date(Date.now() + DAY).toISOString(), t: new Date(Date.now() + 2 * DAY).toISOString() };
    const typo = await c.call<Found>(SEARCH, { ...window, sp: 'General practise' });
    expect(typo.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'specialty' });
    expect(typo.errors?.[0]?.message).toMatch(/no doctor has the specialty "General practise"/);
    const known = await c.call<Found>(SEARCH, { ...window, sp: 'general PRACTICE' });
    expect(known.errors).toBeUndefined();
    expect(known.data?.availableSlots.length).toBeGreaterThan(0);
  });
});
