import { beforeAll, describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, type Practice, seed } from '@medappt/testkit';
import { c, completedVisit, FEEDBACK_FIELDS, hide, publicDoctor, restore, submitWhenHeard, update, type FeedbackSeen } from './fixtures.ts';

let p: Practice;
beforeAll(async () => {
  p = await seed.practice();
}, 60_000);

const feedbackOf = async (token: string | undefined, appointmentId: string) => {
  const result = await c.call<{ appointment: { feedback: FeedbackSeen | null } | null }>(
    `query($id: ID!) { appointment(id: $id) { feedback { ${FEEDBACK_FIELDS} } } }`,
    { id: appointmentId },
    { token },
  );
  return result.data?.appointment?.feedback ?? null;
};

describe('changing, hiding and reading feedback', () => {
  it('its author edits it; the rating moves from the old scores to the new; only the author may', async () => {
    const [pat, other] = [await seed.patient(), await seed.patient()];
    const appointmentId = await completedVisit(p, pat);
    const feedback = await submitWhenHeard(pat.accessToken, { appointmentId, overall: 2, waitTime: 1, comment: 'Long wait.' });
    expect((await publicDoctor(p.doctorId)).rating).toMatchObject({ average: 2, count: 1, waitTime: { average: 1, count: 1 } });

    const edited = await update(pat.accessToken, feedback.id, { overall: 4, waitTime: null, bedsideManner: 5 });
    expect(edited.errors).toBeUndefined();
    expect(edited.data?.updateFeedback).toMatchObject({ overall: 4, waitTime: null, bedsideManner: 5, comment: 'Long wait.' });
    const rating = (await publicDoctor(p.doctorId)).rating;
    expect(rating).toMatchObject({ average: 4, count: 1, waitTime: { average: null, count: 0 }, bedsideManner: { average: 5, count: 1 } });
    expect(rating.distribution.find((d) => d.score === 2)).toEqual({ score: 2, count: 0 });
    expect(rating.distribution.find((d) => d.score === 4)).toEqual({ score: 4, count: 1 });

    const bad = await update(pat.accessToken, feedback.id, { overall: null });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.overall' });
    expect(errorCodes(await update(pat.accessToken, 'x', { overall: 3 }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await update(other.accessToken, feedback.id, { overall: 1 }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await update(p.doctor.accessToken, feedback.id, { overall: 5 }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await update(undefined, feedback.id, { overall: 5 }))).toEqual(['UNAUTHENTICATED']);
    expect((await publicDoctor(p.doctorId)).rating.average).toBe(4);
  });

  it('STAFF hide an abusive comment with a reason (logged) and restore it; the scores keep counting; others may not', async () => {
    const pat = await seed.patient();
    const admin = await accountWithRole('ADMIN', c);
    const appointmentId = await completedVisit(p, pat);
    const feedback = await submitWhenHeard(pat.accessToken, { appointmentId, overall: 1, comment: 'You are a quack.' });
    const ratingBefore = (await publicDoctor(p.doctorId)).rating;

    for (const [token, code] of [
      [pat.accessToken, 'FORBIDDEN'],
      [p.doctor.accessToken, 'FORBIDDEN'],
      [admin.accessToken, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      expect(errorCodes(await hide(token, feedback.id, 'abusive'))).toEqual([code]);
      expect(errorCodes(await restore(token, feedback.id))).toEqual([code]);
    }
    const blank = await hide(p.staff.accessToken, feedback.id, '   ');
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(errorCodes(await hide(p.staff.accessToken, '00000000-0000-4000-8000-000000000000', 'abusive'))).toEqual(['NOT_FOUND']);

    const hidden = await hide(p.staff.accessToken, feedback.id, 'insults the doctor');
    expect(hidden.data?.hideFeedback).toMatchObject({ commentHidden: true, comment: 'You are a quack.', hiddenReason: 'insults the doctor' });
    expect((await publicDoctor(p.doctorId)).rating).toEqual(ratingBefore);
    const review = (await publicDoctor(p.doctorId)).reviews.edges.find((e) => e.node['id'] === feedback.id)!.node;
    expect(review).toMatchObject({ comment: null, commentHidden: true, overall: 1 });

    // The author still reads their words; the doctor no longer does; nobody but STAFF reads why.
    expect(await feedbackOf(pat.accessToken, appointmentId)).toMatchObject({ comment: 'You are a quack.', commentHidden: true, hiddenReason: null });
    expect(await feedbackOf(p.doctor.accessToken, appointmentId)).toMatchObject({ comment: null, commentHidden: true, hiddenReason: null });
    expect(await feedbackOf(p.staff.accessToken, appointmentId)).toMatchObject({ comment: 'You are a quack.', hiddenReason: 'insults the doctor' });

    const log = await c.call<{ feedbackAdminLog: { action: string; actorId: string; entityType: string; entityId: string; changes: string }[] }>(
      'query($id: ID) { feedbackAdminLog(entityId: $id) { action actorId entityType entityId changes } }',
      { id: feedback.id },
      { token: p.staff.accessToken },
    );
    expect(log.data?.feedbackAdminLog.map((a) => ({ ...a, changes: JSON.parse(a.changes) as unknown }))).toEqual([
      {
        action: 'feedback.hide',
        actorId: p.staff.user.id,
        entityType: 'Feedback',
        entityId: feedback.id,
        changes: { commentHidden: true, reason: 'insults the doctor' },
      },
    ]);
    expect(errorCodes(await c.call('{ feedbackAdminLog { id } }', {}, { token: pat.accessToken }))).toEqual(['FORBIDDEN']);

    const restored = await restore(p.staff.accessToken, feedback.id);
    expect(restored.data?.restoreFeedback).toMatchObject({ commentHidden: false, comment: 'You are a quack.', hiddenReason: null });
    expect((await publicDoctor(p.doctorId)).reviews.edges.find((e) => e.node['id'] === feedback.id)!.node).toMatchObject({
      comment: 'You are a quack.',
      commentHidden: false,
    });
    expect((await publicDoctor(p.doctorId)).rating).toEqual(ratingBefore);
    const actions = await c.call<{ feedbackAdminLog: { action: string }[] }>(
      'query($id: ID) { feedbackAdminLog(entityId: $id) { action } }',
      { id: feedback.id },
      { token: admin.accessToken },
    );
    expect(actions.data?.feedbackAdminLog.map((a) => a.action)).toEqual(['feedback.restore', 'feedback.hide']);
  });

  it('Appointment.feedback is for the patient, the doctor and STAFF only', async () => {
    const [pat, other] = [await seed.patient(), await seed.patient()];
    const admin = await accountWithRole('ADMIN', c);
    const appointmentId = await completedVisit(p, pat);
    expect(await feedbackOf(pat.accessToken, appointmentId)).toBeNull();
    const feedback = await submitWhenHeard(pat.accessToken, { appointmentId, overall: 5, comment: 'Great.' });
    for (const token of [pat.accessToken, p.doctor.accessToken, p.staff.accessToken]) {
      expect(await feedbackOf(token, appointmentId)).toMatchObject({ id: feedback.id, overall: 5, comment: 'Great.' });
    }
    for (const token of [other.accessToken, admin.accessToken, undefined]) expect(await feedbackOf(token, appointmentId)).toBeNull();
  });

  it('public reviews carry scores, comment and the month of the visit, never who, which visit or when; pages go newest first', async () => {
    const q = await seed.practice();
    const ids: string[] = [];
    for (const overall of [3, 5]) {
      const pat = await seed.patient();
      const appointmentId = await completedVisit(q, pat);
      ids.push((await submitWhenHeard(pat.accessToken, { appointmentId, overall, comment: `Visit rated ${overall}` })).id);
    }
    const first = await publicDoctor(q.doctorId, 1);
    expect(first.reviews.edges).toHaveLength(1);
    expect(first.reviews.pageInfo.hasNextPage).toBe(true);
    const node = first.reviews.edges[0]!.node;
    expect(Object.keys(node).sort()).toEqual(['bedsideManner', 'comment', 'commentHidden', 'id', 'overall', 'visitMonth', 'waitTime']);
    expect(node).toMatchObject({ id: ids[1], overall: 5, comment: 'Visit rated 5' });
    expect(node['visitMonth']).toMatch(/^\d{4}-\d{2}$/);
    // The cursor is a sequence number, not a time.
    expect(Buffer.from(first.reviews.edges[0]!.cursor, 'base64url').toString()).toMatch(/^\[\d+\]$/);
    const second = await publicDoctor(q.doctorId, 1, first.reviews.pageInfo.endCursor!);
    expect(second.reviews.edges.map((e) => e.node['id'])).toEqual([ids[0]]);
    expect(second.reviews.pageInfo.hasNextPage).toBe(false);
    expect((await publicDoctor(q.doctorId)).rating).toMatchObject({ average: 4, count: 2 });

    // The public type has no field that names the patient, the appointment or a date.
    const probe = await c.call('query($id: ID!) { doctor(id: $id) { reviews { edges { node { patientId appointmentId submittedAt } } } } }', {
      id: q.doctorId,
    });
    expect(probe.data).toBeUndefined();
    expect(new Set(errorCodes(probe))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    const bad = await c.call('query($id: ID!) { doctor(id: $id) { reviews(after: "nope") { pageInfo { hasNextPage } } } }', { id: q.doctorId });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});
