import { describe, expect, it } from 'vitest';
import { errorCodes, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const tomorrow = (): Date => new Date(Date.now() + 86_400_000);

describe('booking and the workflow, through the router', () => {
  it('a patient books a free slot, the doctor approves, and both see it with its history', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, tomorrow());
    expect(slot).toBeDefined();
    expect(slot!.timeZone).toBe('Europe/Berlin');

    const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, reason: 'Annual check' });
    expect(booked.errors).toBeUndefined();
    const appointment = booked.data!.bookAppointment;
    expect(appointment).toMatchObject({ __typename: 'Appointment', status: 'REQUESTED', start: slot!.start, localStart: slot!.localStart });
    const id = (appointment as { id: string }).id;

    // The slot is held: it is no longer offered.
    expect((await freeSlots(p, tomorrow())).map((s) => s.start)).not.toContain(slot!.start);

    const approved = await c.call<{ approveAppointment: { status: string } }>(
      'mutation($id: ID!) { approveAppointment(id: $id) { status } }',
      { id },
      { token: p.doctor.accessToken },
    );
    expect(approved.data?.approveAppointment.status).toBe('CONFIRMED');

    const mine = await c.call<{ me: { id: string } }>('{ me { id } }', {}, { token: pat.accessToken });
    expect(mine.data?.me.id).toBe(pat.user.id);
    const view = await c.call<{ appointment: { status: string; history: { from: string | null; to: string; action: string; actorId: string }[] } }>(
      'query($id: ID!) { appointment(id: $id) { status reason history { from to action actorId actorRole reason at } } }',
      { id },
      { token: pat.accessToken },
    );
    expect(view.data?.appointment.history.map(({ from, to, action, actorId }) => ({ from, to, action, actorId }))).toEqual([
      { from: null, to: 'REQUESTED', action: 'REQUEST', actorId: pat.user.id },
      { from: 'REQUESTED', to: 'CONFIRMED', action: 'APPROVE', actorId: p.doctorId },
    ]);

    const schedule = await c.call<{ doctor: { schedule: { id: string }[] } }>(
      'query($d: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { schedule(from: $f, to: $t) { id status } } }',
      { d: p.doctorId, f: new Date().toISOString(), t: new Date(Date.now() + 14 * 86_400_000).toISOString() },
      { token: p.doctor.accessToken },
    );
    expect(schedule.data?.doctor.schedule.map((a) => a.id)).toEqual([id]);
  });

  it('offers alternatives when the slot is taken, and an idempotency key returns the same booking', async () => {
    const p = await seed.practice();
    const [a, b] = [await seed.patient(), await seed.patient()];
    const [slot] = await freeSlots(p, tomorrow());
    const input = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, idempotencyKey: 'retry-1' };
    const first = await book(a.accessToken, input);
    const retry = await book(a.accessToken, input);
    expect(retry.data?.bookAppointment).toEqual(first.data?.bookAppointment);

    const lost = await book(b.accessToken, { ...input, idempotencyKey: null });
    expect(lost.errors).toBeUndefined();
    const result = lost.data!.bookAppointment;
    expect(result.__typename).toBe('SlotUnavailable');
    if (result.__typename !== 'SlotUnavailable') return;
    expect(result.alternatives.length).toBeGreaterThan(0);
    expect(result.alternatives.map((s) => s.start)).not.toContain(slot!.start);
    expect(result.alternatives[0]?.doctor.id).toBe(p.doctorId);
  });

  it('a client reusing an idempotency key for another time is refused with IDEMPOTENCY_KEY_REUSED, not handed the first booking', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot, other] = await freeSlots(p, tomorrow());
    const input = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start, reason: 'Check-up', idempotencyKey: 'order-42' };
    const first = await book(pat.accessToken, input);
    expect(first.data?.bookAppointment.__typename).toBe('Appointment');

    const reused = await book(pat.accessToken, { ...input, start: other!.start });
    expect(reused.data ?? null).toBeNull();
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', field: 'input.idempotencyKey' });
    expect(reused.errors?.[0]?.message).toMatch(/^Idempotency key "order-42" was already used for a different booking request \(its start differed\)/);
    expect(errorCodes(await book(pat.accessToken, { ...input, reason: 'Something else' }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    // Nothing was booked at the other time, and the true retry still gets the first booking.
    expect((await freeSlots(p, tomorrow())).map((s) => s.start)).toContain(other!.start);
    expect((await book(pat.accessToken, input)).data?.bookAppointment).toEqual(first.data?.bookAppointment);
  });

  it.each([
    ['not on a slot boundary', (s: string) => new Date(new Date(s).getTime() + 7 * 60_000).toISOString(), /slot/i],
    ['in the past', () => new Date(Date.now() - 86_400_000).toISOString(), /past/i],
    ['beyond the horizon', () => new Date(Date.now() + 400 * 86_400_000).toISOString(), /horizon|days/i],
  ])('rejects a start %s, naming input.start', async (_what, start, message) => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, tomorrow());
    const result = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: start(slot!.start) });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0]?.extensions?.['field']).toBe('input.start');
    expect(result.errors?.[0]?.message).toMatch(message);
  });

  it('names unknown doctors and services, and who may book', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, tomorrow());
    const input = { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start };
    expect(errorCodes(await book(pat.accessToken, { ...input, doctorId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await book(pat.accessToken, { ...input, serviceId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await book(p.doctor.accessToken, input))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await book(pat.accessToken, { ...input, patientId: p.doctorId }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename } }', { i: input }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    // Staff book for a patient.
    const byStaff = await book(p.staff.accessToken, { ...input, patientId: pat.user.id });
    expect(byStaff.data?.bookAppointment.__typename).toBe('Appointment');
  });

  it('enforces who may move an appointment through its states', async () => {
    const p = await seed.practice();
    const [owner, other] = [await seed.patient(), await seed.patient()];
    const [slot] = await freeSlots(p, tomorrow());
    const booked = await book(owner.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    const id = (booked.data!.bookAppointment as { id: string }).id;
    const approve = (token: string) => c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token });

    expect(errorCodes(await approve(owner.accessToken))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await approve(other.accessToken))).toEqual(['NOT_FOUND']);
    expect(
      errorCodes(await c.call('mutation($id: ID!) { declineAppointment(id: $id, reason: " ") { status } }', { id }, { token: p.doctor.accessToken })),
    ).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await c.call('mutation($id: ID!) { completeAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken }))).toEqual([
      'INVALID_TRANSITION',
    ]);

    const cancelled = await c.call<{ cancelAppointment: { status: string } }>(
      'mutation($id: ID!) { cancelAppointment(id: $id, reason: "cannot come") { status } }',
      { id },
      { token: owner.accessToken },
    );
    expect(cancelled.data?.cancelAppointment.status).toBe('CANCELLED');
    expect(errorCodes(await approve(p.doctor.accessToken))).toEqual(['INVALID_TRANSITION']);
    // The slot is free again.
    expect((await freeSlots(p, tomorrow())).map((s) => s.start)).toContain(slot!.start);
  });

  it("a doctor completing next month's visit by mistake is told TOO_EARLY and the time stays taken; staff can, with a reason kept in the history", async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + 20 * 86_400_000));
    const { id } = (await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment as { id: string };
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken });
    const COMPLETE = 'mutation($id: ID!, $o: OverrideInput) { completeAppointment(id: $id, override: $o) { status history { action reason } } }';
    const complete = (token: string, override?: { reason: string }) =>
      c.call<{ completeAppointment: { status: string; history: { action: string; reason: string | null }[] } }>(
        COMPLETE,
        { id, o: override ?? null },
        { token },
      );

    const early = await complete(p.doctor.accessToken);
    expect(errorCodes(early)).toEqual(['TOO_EARLY']);
    expect(early.errors?.[0]?.message).toMatch(/only from its start/);
    expect(errorCodes(await complete(p.doctor.accessToken, { reason: 'seen early' }))).toEqual(['TOO_EARLY']);
    expect(errorCodes(await complete(p.staff.accessToken))).toEqual(['TOO_EARLY']);
    const blank = await complete(p.staff.accessToken, { reason: '  ' });
    expect(blank.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'override.reason' });
    expect((await freeSlots(p, new Date(Date.now() + 20 * 86_400_000))).map((s) => s.start)).not.toContain(slot!.start);

    const done = await complete(p.staff.accessToken, { reason: 'patient came in early as a walk-in' });
    expect(done.errors).toBeUndefined();
    expect(done.data?.completeAppointment.status).toBe('COMPLETED');
    expect(done.data?.completeAppointment.history.at(-1)).toEqual({
      action: 'COMPLETE',
      reason: '(completed before the start: patient came in early as a walk-in)',
    });
  });

  it('a patient moving a confirmed visit to a colleague sees it REQUESTED again, and the history says what changed', async () => {
    const p = await seed.practice();
    const other = await seed.colleague(p);
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, tomorrow());
    const booked = (await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment as {
      id: string;
      start: string;
    };
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id: booked.id }, { token: p.doctor.accessToken });
    const [, target] = await freeSlots({ ...p, doctorId: other.doctorId }, tomorrow());
    const moved = await c.call<{
      rescheduleAppointment: {
        status: string;
        end: string;
        history: { from: string; to: string; action: string; start: string; changes: { field: string; from: string; to: string }[] }[];
      };
    }>(
      `mutation($id: ID!, $s: DateTime!, $d: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d, reason: "closer to work") {
        ... on Appointment { status end history { from to action start changes { field from to } } }
      } }`,
      { id: booked.id, s: target!.start, d: other.doctorId },
      { token: pat.accessToken },
    );
    expect(moved.errors).toBeUndefined();
    const result = moved.data!.rescheduleAppointment;
    expect(result.status).toBe('REQUESTED');
    expect(result.history.map((h) => h.changes)).toEqual([
      [],
      [],
      [
        { field: 'start', from: slot!.start, to: target!.start },
        { field: 'end', from: slot!.end, to: result.end },
        { field: 'doctorId', from: p.doctorId, to: other.doctorId },
      ],
    ]);
    expect(result.history.at(-1)).toMatchObject({ from: 'CONFIRMED', to: 'REQUESTED', action: 'RESCHEDULE', start: target!.start });
    // The new doctor has it to decide; the old one no longer.
    const pending = await c.call<{ doctor: { pendingRequests: { id: string }[] } }>(
      'query($d: ID!) { doctor(id: $d) { pendingRequests { id } } }',
      { d: other.doctorId },
      { token: other.doctor.accessToken },
    );
    expect(pending.data?.doctor.pendingRequests.map((a) => a.id)).toEqual([booked.id]);
  });

  it('approves a batch with a result per item', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const slots = await freeSlots(p, tomorrow());
    const ids: string[] = [];
    for (const slot of slots.slice(0, 2))
      ids.push(((await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot.start })).data!.bookAppointment as { id: string }).id);
    const result = await c.call<{ approveAppointments: { id: string; appointment: { status: string } | null; error: { code: string } | null }[] }>(
      'mutation($ids: [ID!]!) { approveAppointments(ids: $ids) { id appointment { status } error { code message } } }',
      { ids: [...ids, '00000000-0000-4000-8000-000000000000'] },
      { token: p.doctor.accessToken },
    );
    expect(result.data?.approveAppointments.map((r) => r.appointment?.status ?? r.error?.code)).toEqual(['CONFIRMED', 'CONFIRMED', 'NOT_FOUND']);
  });

  it('a doctor approving two requests and a mistyped id gets the two approved and the bad id as its own result, naming ids[2]', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const slots = await freeSlots(p, tomorrow());
    const ids: string[] = [];
    for (const slot of slots.slice(0, 2))
      ids.push(((await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot.start })).data!.bookAppointment as { id: string }).id);
    const result = await c.call<{
      approveAppointments: { id: string; appointment: { status: string } | null; error: { code: string; message: string; field: string | null } | null }[];
    }>(
      'mutation($ids: [ID!]!) { approveAppointments(ids: $ids) { id appointment { status } error { code message field } } }',
      { ids: [...ids, 'not-a-uuid'] },
      { token: p.doctor.accessToken },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.approveAppointments).toEqual([
      { id: ids[0], appointment: { status: 'CONFIRMED' }, error: null },
      { id: ids[1], appointment: { status: 'CONFIRMED' }, error: null },
      {
        id: 'not-a-uuid',
        appointment: null,
        error: { code: 'BAD_USER_INPUT', field: 'ids[2]', message: expect.stringMatching(/^ids\[2\]: is not a valid ID/) },
      },
    ]);
  });
});
