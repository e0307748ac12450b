import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicSavedV1, createKafka, createLogger, doctorSavedV1, serviceSavedV1, Topics, type EventEnvelope } from '@medappt/platform';
import { errorCodes, eventually, testEnv } from '@medappt/testkit';
import { c, doctorAccount, seed, staffToken } from './fixtures.ts';

// Reads doctors.events.v1 from the real broker as a consumer (e.g. appointments) would.
const received: EventEnvelope[] = [];
const consumer = createKafka('doctors-test', testEnv().kafkaBrokers, createLogger('doctors-test', 'error')).consumer({
  groupId: `doctors-test-${randomUUID()}`,
});
beforeAll(async () => {
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.doctors.name, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      received.push(JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope);
    },
  });
});
afterAll(() => consumer.disconnect());

const eventsOf = (key: string, count: number): Promise<EventEnvelope[]> =>
  eventually(async () => {
    const events = received.filter((e) => e.key === key);
    return events.length >= count ? events : undefined;
  });

describe('catalogue events (doctors.events.v1)', () => {
  it("publishes each clinic's, service's and doctor's whole state after every change, with the request id", async () => {
    const token = await staffToken();
    const clinic = await seed.clinic({ name: 'Evented Clinic', timeZone: 'Asia/Kolkata' });
    const service = await seed.service({ name: 'Evented Service', durationMinutes: 20 });
    const doctor = await seed.doctor({ clinicId: clinic.id, name: 'Dr. Evented', specialties: ['Neurology'], serviceIds: [service.id] });
    const { requestId } = await c.call(
      'mutation($id: ID!) { deactivateService(id: $id) { id } }',
      { id: service.id },
      { token, headers: { 'x-request-id': `events-${randomUUID()}` } },
    );
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await c.call('mutation($d: ID!, $s: ID!) { unassignService(doctorId: $d, serviceId: $s) { id } }', { d: doctor.id, s: service.id }, { token });

    const [clinicSaved] = await eventsOf(clinic.id, 1);
    expect(clinicSaved).toMatchObject({ type: 'clinic.saved', version: 1 });
    expect(clinicSavedV1.parse(clinicSaved!.payload)).toMatchObject({ clinicId: clinic.id, name: 'Evented Clinic', timeZone: 'Asia/Kolkata' });

    const serviceEvents = await eventsOf(service.id, 2);
    expect(serviceEvents.map((e) => serviceSavedV1.parse(e.payload).active)).toEqual([true, false]);
    expect(serviceSavedV1.parse(serviceEvents[0]!.payload)).toMatchObject({
      name: 'Evented Service',
      durationMinutes: 20,
      priceCents: 5000,
      currency: 'EUR',
      kind: 'CHECKUP',
    });
    expect(serviceEvents[1]!.requestId).toBe(requestId);

    const doctorEvents = (await eventsOf(doctor.id, 2)).map((e) => doctorSavedV1.parse(e.payload));
    expect(doctorEvents[0]).toMatchObject({
      doctorId: doctor.id,
      name: 'Dr. Evented',
      specialties: ['Neurology'],
      clinicId: clinic.id,
      active: true,
      serviceIds: [service.id],
    });
    expect(doctorEvents[1]!.serviceIds).toEqual([]);
    expect(new Date(doctorEvents[1]!.updatedAt).getTime()).toBeGreaterThan(new Date(doctorEvents[0]!.updatedAt).getTime());
  });

  it('publishes nothing for a change that failed', async () => {
    const clinic = await seed.clinic();
    const userId = await doctorAccount();
    const failed = await c.call(
      'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
      { input: { userId, name: 'Dr. Never', specialties: ['GP'], clinicId: clinic.id, serviceIds: [randomUUID()] } },
      { token: await staffToken() },
    );
    expect(errorCodes(failed)).toEqual(['NOT_FOUND']);
    // Events after it arrive, so the failed one would have been published by now.
    const later = await seed.clinic();
    await eventsOf(later.id, 1);
    expect(received.filter((e) => e.key === userId)).toEqual([]);
  });
});
