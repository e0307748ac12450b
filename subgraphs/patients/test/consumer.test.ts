import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { deadLetterTopic, Topics } from '@medappt/platform';
import { accountWithRole, errorCodes, eventually, publishEvent, publishRaw, waitForMessage } from '@medappt/testkit';
import { appointmentEvent, patientWithProfile, readRecord, untilConsumed, untilDoctorMayRead } from './fixtures.ts';

describe('the appointment-event consumer', () => {
  it('moves a poison message to the dead-letter topic with the reason, and keeps going', async () => {
    const marker = `not json ${randomUUID()}`;
    await publishRaw(Topics.appointments.name, randomUUID(), marker);
    const badPayload = JSON.stringify({
      id: randomUUID(),
      type: 'appointment.requested',
      version: 1,
      occurredAt: new Date().toISOString(),
      key: 'k',
      requestId: null,
      payload: { appointmentId: 'nope' },
    });
    await publishRaw(Topics.appointments.name, randomUUID(), badPayload);

    // Events after the poison ones are still applied.
    const patient = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    await appointmentEvent(doctor.user.id, patient.user.id, 'REQUESTED');
    await untilDoctorMayRead(patient.user.id, doctor.accessToken);

    const dlq = deadLetterTopic(Topics.appointments.name);
    const { headers } = await waitForMessage(dlq, (m) => m.value === marker && m.headers['x-consumer'] === 'patients.care-relation');
    expect(headers['x-error']).toMatch(/not JSON/);
    expect(headers['x-consumer']).toBe('patients.care-relation');
    const rejected = await waitForMessage(dlq, (m) => m.value === badPayload && m.headers['x-consumer'] === 'patients.care-relation');
    expect(rejected.headers['x-error']).toMatch(/appointmentId/);
  });

  it('a replayed event changes nothing: a late copy of a request does not reopen a declined one', async () => {
    const patient = await patientWithProfile();
    const doctor = await accountWithRole('DOCTOR');
    const appointmentId = randomUUID();
    const requested = await publishEvent(Topics.appointments.name, {
      type: 'appointment.requested',
      key: appointmentId,
      payload: {
        appointmentId,
        doctorId: doctor.user.id,
        patientId: patient.user.id,
        serviceId: randomUUID(),
        startAt: new Date(Date.now() + 86_400_000).toISOString(),
        endAt: new Date(Date.now() + 88_200_000).toISOString(),
        status: 'REQUESTED',
        actorRole: 'PATIENT',
      },
    });
    await untilDoctorMayRead(patient.user.id, doctor.accessToken);
    await appointmentEvent(doctor.user.id, patient.user.id, 'DECLINED', { appointmentId });
    await eventually(async () => (errorCodes(await readRecord(patient.user.id, doctor.accessToken))[0] === 'FORBIDDEN' ? true : undefined));

    await publishRaw(Topics.appointments.name, appointmentId, JSON.stringify(requested));
    await untilConsumed(appointmentId);
    expect(errorCodes(await readRecord(patient.user.id, doctor.accessToken))).toEqual(['FORBIDDEN']);
  });
});
