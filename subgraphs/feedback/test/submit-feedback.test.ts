import { beforeAll, describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, eventually, publishRaw, type Practice, seed } from '@medappt/testkit';
import { appointmentEvent, completedVisit, confirmedVisit, publicDoctor, submit, submitWhenHeard } from './fixtures.ts';

const DAY = 86_400_000;
let p: Practice;
beforeAll(async () => {
  p = await seed.practice();
}, 60_000);

describe('submitFeedback', () => {
  it('the patient of a completed visit rates it once, and the doctor’s public rating follows in the same change', async () => {
    const pat = await seed.patient();
    const appointmentId = await completedVisit(p, pat);
    const before = await publicDoctor(p.doctorId);
    expect(before.rating).toEqual({
      average: null,
      count: 0,
      distribution: [5, 4, 3, 2, 1].map((score) => ({ score, count: 0 })),
      bedsideManner: { average: null, count: 0 },
      waitTime: { average: null, count: 0 },
    });

    const feedback = await submitWhenHeard(pat.accessToken, { appointmentId, overall: 4, bedsideManner: 5, comment: '  Listened carefully.\r\nThank you. ' });
    expect(feedback).toMatchObject({
      overall: 4,
      bedsideManner: 5,
      waitTime: null,
      comment: 'Listened carefully.\nThank you.',
      commentHidden: false,
      hiddenReason: null,
      appointment: { id: appointmentId },
      doctor: { id: p.doctorId },
    });
    expect(new Date(feedback.editableUntil).getTime() - new Date(feedback.submittedAt).getTime()).toBe(7 * DAY);

    const after = await publicDoctor(p.doctorId);
    expect(after.rating).toMatchObject({ average: 4, count: 1, bedsideManner: { average: 5, count: 1 }, waitTime: { average: null, count: 0 } });
    expect(after.rating.distribution).toContainEqual({ score: 4, count: 1 });

    const twice = await submit(pat.accessToken, { appointmentId, overall: 1 });
    expect(twice.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.appointmentId' });
    expect(twice.errors?.[0]?.message).toBe('input.appointmentId: already has your feedback (one per visit): change it with updateFeedback');
    expect((await publicDoctor(p.doctorId)).rating.count).toBe(1);
  });

  it('refuses a visit that is not completed, someone else’s and an unknown one, without telling the last two apart', async () => {
    const [owner, other] = [await seed.patient(), await seed.patient()];
    const confirmed = await confirmedVisit(p, owner);
    const notCompleted = await submitWhenHeardCode(owner.accessToken, confirmed, 'BAD_USER_INPUT', /CONFIRMED/);
    expect(notCompleted.errors?.[0]?.message).toBe(
      'input.appointmentId: is not a completed visit (it is CONFIRMED): a visit can be rated once it is marked completed',
    );
    expect(notCompleted.errors?.[0]?.extensions?.['field']).toBe('input.appointmentId');

    const completed = await completedVisit(p, owner);
    await submitWhenHeard(owner.accessToken, { appointmentId: completed, overall: 5 });
    const theirs = await submit(other.accessToken, { appointmentId: completed, overall: 1 });
    const unknown = await submit(other.accessToken, { appointmentId: '00000000-0000-4000-8000-000000000000', overall: 1 });
    expect(errorCodes(theirs)).toEqual(['NOT_FOUND']);
    expect(errorCodes(unknown)).toEqual(['NOT_FOUND']);
    expect(theirs.errors?.[0]?.message).toBe(`Appointment ${completed} was not found.`);

    // Only patients rate; the doctor or staff cannot rate in a patient's name; anonymous must sign in.
    expect(errorCodes(await submit(p.doctor.accessToken, { appointmentId: completed, overall: 5 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit(p.staff.accessToken, { appointmentId: completed, overall: 5 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit(undefined, { appointmentId: completed, overall: 5 }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses bad scores, a long comment and a bad id with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const pat = await seed.patient();
    const appointmentId = await completedVisit(p, pat);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ appointmentId, overall: 0 }, 'input.overall', 'input.overall: must be a whole number from 1 to 5'],
      [{ appointmentId, overall: 6 }, 'input.overall', 'input.overall: must be a whole number from 1 to 5'],
      [{ appointmentId, overall: 3, waitTime: 9 }, 'input.waitTime', 'input.waitTime: must be a whole number from 1 to 5'],
      [{ appointmentId, overall: 3, bedsideManner: -2 }, 'input.bedsideManner', 'input.bedsideManner: must be a whole number from 1 to 5'],
      [{ appointmentId, overall: 3, comment: 'x'.repeat(2001) }, 'input.comment', 'input.comment: must be at most 2000 characters'],
      [{ appointmentId, overall: 3, comment: 'bell\u0007' }, 'input.comment', 'input.comment: must not contain control characters (found U+0007)'],
      [
        { appointmentId: 'x', overall: 3 },
        'input.appointmentId',
        'input.appointmentId: is not a valid ID: ids are UUIDs such as 3f2b9c1e-8a4d-4e7b-9c2a-1b2c3d4e5f60',
      ],
    ];
    for (const [input, field, message] of cases) {
      const result = await submit(pat.accessToken, input);
      expect(result.errors?.[0]?.extensions, JSON.stringify(input).slice(0, 80)).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(result.errors?.[0]?.message).toBe(message);
    }
    // None of those left a row: the visit can still be rated.
    expect((await submitWhenHeard(pat.accessToken, { appointmentId, overall: 2 })).overall).toBe(2);
  });

  it('refuses a visit completed longer ago than the window (TOO_LATE), and a replayed older event does not undo a completion', async () => {
    const pat = await seed.patient();
    const doctor = await accountWithRole('DOCTOR');
    const old = await appointmentEvent({ patientId: pat.user.id, doctorId: doctor.user.id, status: 'COMPLETED', occurredAt: new Date(Date.now() - 31 * DAY) });
    const late = await submitWhenHeardCode(pat.accessToken, old.appointmentId, 'TOO_LATE');
    expect(late.errors?.[0]?.message).toMatch(/^A visit can be rated within 30 days of its completion; for this one that ended at /);

    const confirmed = await appointmentEvent({
      patientId: pat.user.id,
      doctorId: doctor.user.id,
      status: 'CONFIRMED',
      occurredAt: new Date(Date.now() - 2 * DAY),
    });
    await appointmentEvent({
      appointmentId: confirmed.appointmentId,
      patientId: pat.user.id,
      doctorId: doctor.user.id,
      status: 'COMPLETED',
      occurredAt: new Date(Date.now() - DAY),
    });
    // The confirmation delivered again after the completion: it changes nothing.
    await publishRaw('appointments.events.v1', confirmed.appointmentId, confirmed.envelope);
    const rated = await submitWhenHeard(pat.accessToken, { appointmentId: confirmed.appointmentId, overall: 3 });
    expect(rated.doctor.id).toBe(doctor.user.id);
  });
});

/** Submits until the answer has `code` (the read model hears of the visit a moment later). */
async function submitWhenHeardCode(token: string, appointmentId: string, code: string, message = /./) {
  return eventually(async () => {
    const result = await submit(token, { appointmentId, overall: 3 });
    return errorCodes(result)[0] === code && message.test(result.errors?.[0]?.message ?? '') ? result : undefined;
  });
}
