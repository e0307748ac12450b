import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminSession, errorCodes, eventually, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const tomorrow = (): Date => new Date(Date.now() + 86_400_000);
const field = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.['field'];

describe('staff book for PATIENT accounts only', () => {
  it("refuses an id that is no account and a doctor's account, naming input.patientId, and holds no slot", async () => {
    const p = await seed.practice();
    const [slot] = await freeSlots(p, tomorrow());
    const input = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start };

    const nobody = await book(p.staff.accessToken, { ...input, patientId: randomUUID() });
    expect(errorCodes(nobody)).toEqual(['NOT_FOUND']);
    expect(field(nobody)).toBe('input.patientId');
    expect(errorCodes(await book(p.staff.accessToken, { ...input, patientId: 'not-an-id' }))).toEqual(['BAD_USER_INPUT']);

    const doctor = await book(p.staff.accessToken, { ...input, patientId: p.doctorId });
    expect(errorCodes(doctor)).toEqual(['BAD_USER_INPUT']);
    expect(field(doctor)).toBe('input.patientId');
    expect(doctor.errors?.[0]?.message).toMatch(/is a DOCTOR account; appointments are booked for PATIENT accounts only/);

    // Nothing was booked: the time is still free, and a patient who just signed up gets it.
    expect((await freeSlots(p, tomorrow())).map((s) => s.start)).toContain(slot!.start);
    const pat = await seed.patient();
    const booked = await book(p.staff.accessToken, { ...input, patientId: pat.user.id });
    expect(booked.data?.bookAppointment.__typename).toBe('Appointment');
  });

  it('refuses a disabled patient account', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const admin = await adminSession(c);
    await c.call('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: pat.user.id }, { token: admin.accessToken });
    const [slot] = await freeSlots(p, tomorrow());
    const refused = await eventually(async () => {
      const result = await book(p.staff.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, patientId: pat.user.id });
      return result.errors ? result : undefined;
    });
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors?.[0]?.message).toMatch(/disabled/);
  });
});
