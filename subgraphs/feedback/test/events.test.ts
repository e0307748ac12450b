import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { accountWithRole, publishRaw, waitForMessage, seed } from '@medappt/testkit';
import { appointmentEvent, hide, submitWhenHeard } from './fixtures.ts';

const DAY = 86_400_000;

describe('feedback events and the appointment consumer', () => {
  it('publishes feedback.submitted and feedback.hidden with ids and scores, never the comment', async () => {
    const pat = await seed.patient();
    const [doctor, staff] = [await accountWithRole('DOCTOR'), await accountWithRole('STAFF')];
    const { appointmentId } = await appointmentEvent({
      patientId: pat.user.id,
      doctorId: doctor.user.id,
      status: 'COMPLETED',
      occurredAt: new Date(Date.now() - DAY),
    });
    const comment = `Rude receptionist ${randomUUID()}`;
    const feedback = await submitWhenHeard(pat.accessToken, { appointmentId, overall: 2, waitTime: 1, comment });
    await hide(staff.accessToken, feedback.id, 'names a member of staff');

    for (const type of ['feedback.submitted', 'feedback.hidden']) {
      const message = await waitForMessage('feedback.events.v1', (m) => m.value.includes(feedback.id) && m.value.includes(`"${type}"`));
      expect(message.key).toBe(doctor.user.id);
      expect(message.value).not.toContain('Rude receptionist');
      expect(message.value).not.toContain('names a member of staff');
      expect((JSON.parse(message.value) as { payload: unknown }).payload).toEqual({
        feedbackId: feedback.id,
        appointmentId,
        doctorId: doctor.user.id,
        patientId: pat.user.id,
        overall: 2,
        bedsideManner: null,
        waitTime: 1,
        hasComment: true,
        commentHidden: type === 'feedback.hidden',
      });
    }
  });

  it('moves a poison appointment event to the dead-letter topic with the reason, and keeps going', async () => {
    const bad = JSON.stringify({
      id: randomUUID(),
      type: 'appointment.completed',
      version: 1,
      occurredAt: new Date().toISOString(),
      key: 'k',
      requestId: null,
      payload: { appointmentId: 'nope' },
    });
    await publishRaw('appointments.events.v1', randomUUID(), bad);
    const pat = await seed.patient();
    const doctor = await accountWithRole('DOCTOR');
    const { appointmentId } = await appointmentEvent({ patientId: pat.user.id, doctorId: doctor.user.id, status: 'COMPLETED', occurredAt: new Date() });
    expect((await submitWhenHeard(pat.accessToken, { appointmentId, overall: 5 })).overall).toBe(5);
    const rejected = await waitForMessage('appointments.events.v1.dlq', (m) => m.value === bad && m.headers['x-consumer'] === 'feedback.visits');
    expect(rejected.headers['x-error']).toMatch(/appointmentId/);
  });
});
