import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { adminSession, errorCodes, eventually, postAsRouter, testEnv, book, freeSlots, seed, EVERY_DAY } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;

describe('waitlist', () => {
  it('offers a cancelled time to the first patient waiting for it', async () => {
    const p = await seed.practice();
    const [booker, first, second] = [await seed.patient(), await seed.patient(), await seed.patient()];
    const [slot] = await freeSlots(p, new Date(Date.now() + DAY));
    const booked = await book(booker.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    const id = (booked.data!.bookAppointment as { id: string }).id;

    const join = (token: string, input: Record<string, unknown>) =>
      c.call<{ joinWaitlist: { id: string } }>(
        'mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id from to doctor { id } } }',
        { i: input },
        { token },
      );
    const window = { serviceId: p.serviceId, from: new Date(Date.now() + DAY / 2).toISOString(), to: new Date(Date.now() + 3 * DAY).toISOString() };
    expect((await join(first.accessToken, { ...window, doctorId: p.doctorId })).errors).toBeUndefined();
    expect((await join(second.accessToken, window)).errors).toBeUndefined();
    expect(errorCodes(await join(first.accessToken, { ...window, to: window.from }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await join(p.doctor.accessToken, window))).toEqual(['FORBIDDEN']);

    await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "travel") { status } }', { id }, { token: booker.accessToken });

    const offered = await eventually(async () => {
      const entries = await fetchWaitlist(first.accessToken, first.user.id);
      return entries[0]?.offeredStart ? entries : undefined;
    });
    expect(offered[0]).toMatchObject({ offeredStart: slot!.start, offeredDoctor: { id: p.doctorId } });
    // Second in line is not offered the same time.
    expect((await fetchWaitlist(second.accessToken, second.user.id))[0]?.offeredStart).toBeNull();
  });

  it('a patient without a profile joins once, sees the wait under me, and it ends when they book the offered time', async () => {
    const p = await seed.practice();
    const [booker, waiting] = [await seed.patient(), await seed.patient()];
    const [slot] = await freeSlots(p, new Date(Date.now() + DAY));
    const { id } = (await book(booker.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment as {
      id: string;
    };

    const JOIN = 'mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id status } }';
    const window = {
      serviceId: p.serviceId,
      doctorId: p.doctorId,
      from: new Date(Date.now() + DAY / 2).toISOString(),
      to: new Date(Date.now() + 3 * DAY).toISOString(),
    };
    const first = await c.call<{ joinWaitlist: { id: string; status: string } }>(JOIN, { i: window }, { token: waiting.accessToken });
    const again = await c.call<{ joinWaitlist: { id: string; status: string } }>(JOIN, { i: window }, { token: waiting.accessToken });
    expect(first.data?.joinWaitlist.status).toBe('WAITING');
    // The same wait joined twice is the one entry, not a second place in line.
    expect(again.data?.joinWaitlist).toEqual(first.data?.joinWaitlist);
    const entryId = first.data!.joinWaitlist.id;

    type Mine = { me: { waitlist: { id: string; status: string; offeredStart: string | null; fulfilledAppointment: { id: string } | null }[] } };
    const MINE = 'query($s: [WaitlistStatus!]) { me { waitlist(status: $s) { id status offeredStart fulfilledAppointment { id } } } }';
    const mine = (status?: string[]) => c.call<Mine>(MINE, { s: status ?? null }, { token: waiting.accessToken });
    const before = await mine();
    expect(before.errors).toBeUndefined();
    expect(before.data?.me.waitlist).toEqual([{ id: entryId, status: 'WAITING', offeredStart: null, fulfilledAppointment: null }]);

    await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "travel") { status } }', { id }, { token: booker.accessToken });
    const offered = await eventually(async () => ((await mine()).data?.me.waitlist[0]?.status === 'OFFERED' ? (await mine()).data!.me.waitlist[0] : undefined));
    expect(offered.offeredStart).toBe(slot!.start);

    const booked = (await book(waiting.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: offered.offeredStart! })).data!.bookAppointment as {
      id: string;
    };
    expect((await mine()).data?.me.waitlist).toEqual([]);
    expect((await mine(['FULFILLED'])).data?.me.waitlist).toEqual([
      { id: entryId, status: 'FULFILLED', offeredStart: slot!.start, fulfilledAppointment: { id: booked.id } },
    ]);
    // Once it ended, the same window can be joined anew.
    const rejoined = await c.call<{ joinWaitlist: { id: string; status: string } }>(JOIN, { i: window }, { token: waiting.accessToken });
    expect(rejoined.data?.joinWaitlist.id).not.toBe(entryId);
  });

  it('staff adding someone to the waitlist must name an enabled PATIENT account, as when booking', async () => {
    const p = await seed.practice();
    const JOIN = 'mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id status } }';
    const window = {
      serviceId: p.serviceId,
      doctorId: p.doctorId,
      from: new Date(Date.now() + DAY / 2).toISOString(),
      to: new Date(Date.now() + 3 * DAY).toISOString(),
    };
    const join = (patientId: string) =>
      c.call<{ joinWaitlist: { id: string; status: string } }>(JOIN, { i: { ...window, patientId } }, { token: p.staff.accessToken });

    const nobody = await join(randomUUID());
    expect(errorCodes(nobody)).toEqual(['NOT_FOUND']);
    expect(nobody.errors?.[0]?.extensions?.['field']).toBe('input.patientId');
    const doctor = await join(p.doctorId);
    expect(errorCodes(doctor)).toEqual(['BAD_USER_INPUT']);
    expect(doctor.errors?.[0]?.extensions?.['field']).toBe('input.patientId');
    expect(doctor.errors?.[0]?.message).toMatch(/is a DOCTOR account; appointments are booked for PATIENT accounts only/);

    const pat = await seed.patient();
    const admin = await adminSession(c);
    await c.call('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: pat.user.id }, { token: admin.accessToken });
    const disabled = await eventually(async () => {
      const result = await join(pat.user.id);
      return result.errors ? result : undefined;
    });
    expect(errorCodes(disabled)).toEqual(['BAD_USER_INPUT']);
    expect(disabled.errors?.[0]?.message).toMatch(/disabled/);

    // Nobody was put in line: a real patient's entry is the only one staff made.
    const real = await seed.patient();
    const joined = await join(real.user.id);
    expect(joined.errors).toBeUndefined();
    expect(joined.data?.joinWaitlist.status).toBe('WAITING');
  });
});

async function fetchWaitlist(token: string, patientId: string): Promise<{ offeredStart: string | null; offeredDoctor: { id: string } | null }[]> {
  // Patient.waitlist is reached through the Patient entity, which the appointments subgraph resolves by id.
  const result = await postAsRouter<{ _entities: { waitlist: { offeredStart: string | null; offeredDoctor: { id: string } | null }[] }[] }>(
    testEnv().appointmentsUrl,
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on Patient { waitlist { offeredStart offeredDoctor { id } } } } }',
    { r: [{ __typename: 'Patient', id: patientId }] },
    { token },
  );
  return result.data?._entities[0]?.waitlist ?? [];
}

describe('clinic policy', () => {
  it('a clinic minimum notice is a floor under the doctor’s own, for search and booking', async () => {
    const p = await seed.clinic().service().doctor().hours(EVERY_DAY, { minimumNoticeMinutes: 60 });
    const pat = await seed.patient();
    const [slot] = await freeSlots(p, new Date(Date.now() + DAY));
    const set = await c.call<{ setClinicPolicy: { minimumNoticeMinutes: number; custom: boolean } }>(
      'mutation($i: ClinicPolicyInput!) { setClinicPolicy(input: $i) { clinicId minimumNoticeMinutes patientCutoffMinutes custom } }',
      { i: { clinicId: p.clinicId, minimumNoticeMinutes: 4 * 24 * 60, patientCutoffMinutes: 24 * 60 } },
      { token: p.staff.accessToken },
    );
    expect(set.data?.setClinicPolicy).toMatchObject({ minimumNoticeMinutes: 5760, custom: true });
    expect(
      errorCodes(
        await c.call(
          'mutation($i: ClinicPolicyInput!) { setClinicPolicy(input: $i) { custom } }',
          { i: { clinicId: p.clinicId, minimumNoticeMinutes: -1, patientCutoffMinutes: 0 } },
          { token: p.staff.accessToken },
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await c.call(
          'mutation($i: ClinicPolicyInput!) { setClinicPolicy(input: $i) { custom } }',
          { i: { clinicId: p.clinicId, minimumNoticeMinutes: 0, patientCutoffMinutes: 0 } },
          { token: pat.accessToken },
        ),
      ),
    ).toEqual(['FORBIDDEN']);

    const soon = await freeSlots(p, new Date(Date.now() + DAY), 2);
    expect(soon).toEqual([]);
    const refused = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.start' });

    const policy = await c.call<{ clinic: { name: string; policy: { minimumNoticeMinutes: number } } }>(
      'query($id: ID!) { clinic(id: $id) { name policy { minimumNoticeMinutes patientCutoffMinutes } } }',
      { id: p.clinicId },
    );
    expect(policy.data?.clinic.policy.minimumNoticeMinutes).toBe(5760);
  });

  it('patients cannot cancel a confirmed visit inside the clinic cutoff; staff can, with a reason', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    await c.call(
      'mutation($i: ClinicPolicyInput!) { setClinicPolicy(input: $i) { custom } }',
      { i: { clinicId: p.clinicId, minimumNoticeMinutes: 0, patientCutoffMinutes: 7 * 24 * 60 } },
      { token: p.staff.accessToken },
    );
    const [slot] = await freeSlots(p, new Date(Date.now() + DAY));
    const id = ((await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start })).data!.bookAppointment as { id: string }).id;
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken });
    const cancel = (token: string, override?: { reason: string }) =>
      c.call<{ cancelAppointment: { status: string; history: { reason: string | null }[] } }>(
        'mutation($id: ID!, $o: OverrideInput) { cancelAppointment(id: $id, reason: "sick", override: $o) { status history { action reason } } }',
        { id, o: override ?? null },
        { token },
      );
    expect(errorCodes(await cancel(pat.accessToken))).toEqual(['TOO_LATE']);
    expect(errorCodes(await cancel(p.staff.accessToken))).toEqual(['BAD_USER_INPUT']);
    const done = await cancel(p.staff.accessToken, { reason: 'patient called, fever' });
    expect(done.data?.cancelAppointment.status).toBe('CANCELLED');
    expect(done.data?.cancelAppointment.history.at(-1)?.reason).toMatch(/fever/);
  });
});
