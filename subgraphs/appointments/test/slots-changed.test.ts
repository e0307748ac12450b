import { beforeAll, describe, expect, it } from 'vitest';
import { subscribeLive, testEnv, whenSubscriptionsLive, type LiveSubscription, book, freeSlots, type Practice, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const DAY = 86_400_000;
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

const SLOTS_CHANGED = `subscription($d: ID!, $s: ID, $f: DateTime!, $t: DateTime!) {
  slotsChanged(doctorId: $d, serviceId: $s, from: $f, to: $t) { doctor { id name } from to slots { start end localStart } }
}`;
type Window = { doctor: { id: string; name: string }; from: string; to: string; slots: { start: string; end: string; localStart: string }[] };
type SlotsChanged = { slotsChanged: Window };

beforeAll(() => whenSubscriptionsLive());

/** The doctor's day after tomorrow, as a window, and its free slots now. */
async function dayAfterTomorrow(p: Practice) {
  const from = new Date(Date.now() + 2 * DAY);
  const to = new Date(from.getTime() + DAY);
  return { variables: { d: p.doctorId, s: p.serviceId, f: from.toISOString(), t: to.toISOString() }, free: await freeSlots(p, from, 1) };
}

async function nextWindow(live: LiveSubscription<SlotsChanged>): Promise<string[]> {
  const result = await live.next();
  expect(result.errors).toBeUndefined();
  return result.data!.slotsChanged.slots.map((s) => s.start);
}

async function refusal(variables: Record<string, unknown>): Promise<{ code: unknown; field: unknown }[]> {
  const live = subscribeLive(testEnv().routerUrl, SLOTS_CHANGED, variables);
  try {
    return (await live.refused).map((e) => ({ code: e.extensions?.['code'], field: e.extensions?.['field'] }));
  } finally {
    await live.close();
  }
}

describe('slotsChanged, over WebSocket through the router', () => {
  it('shows the window as it is after a booking, a move and a cancel, to anonymous and signed-in subscribers alike', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { variables, free } = await dayAfterTomorrow(p);
    const [first, second, third] = free.map((s) => s.start);
    const anonymous = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, variables);
    const signedIn = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, variables, { token: pat.accessToken });
    try {
      await Promise.all([anonymous.ready, signedIn.ready]);
      const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: first! });
      const { id } = booked.data!.bookAppointment as { id: string };

      const afterBooking = await anonymous.next();
      expect(afterBooking.errors).toBeUndefined();
      const window = afterBooking.data!.slotsChanged;
      expect(window).toMatchObject({ doctor: { id: p.doctorId }, from: variables.f, to: variables.t });
      expect(window.doctor.name).toMatch(/^Dr\./);
      expect(window.slots.map((s) => s.start)).toEqual(free.map((s) => s.start).filter((s) => s !== first));
      expect(window.slots[0]).toEqual({ start: second, end: free[1]!.end, localStart: free[1]!.localStart });
      expect((await signedIn.next()).data).toEqual(afterBooking.data);

      // A move frees where it was and takes where it goes.
      const moved = await c.call(
        'mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, start: $s) { __typename } }',
        { id, s: third },
        { token: pat.accessToken },
      );
      expect(moved.errors).toBeUndefined();
      const afterMove = await nextWindow(anonymous);
      expect(afterMove).toContain(first);
      expect(afterMove).not.toContain(third);

      await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "cannot make it") { id } }', { id }, { token: pat.accessToken });
      expect(await nextWindow(anonymous)).toEqual(free.map((s) => s.start));
      expect((await signedIn.next()).errors).toBeUndefined();
      expect((await signedIn.next()).data).toEqual({
        slotsChanged: { ...window, slots: free.map(({ start, end, localStart }) => ({ start, end, localStart })) },
      });
    } finally {
      await anonymous.close();
      await signedIn.close();
    }
  });

  it('shows the slots a time off takes, and gives them back when it is removed', async () => {
    const p = await seed.practice();
    const { variables, free } = await dayAfterTomorrow(p);
    const live = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, variables);
    try {
      await live.ready;
      // Two hours off from the first free slot on.
      const start = free[0]!.start;
      const end = new Date(new Date(start).getTime() + 2 * 3_600_000);
      const off = await c.call<{ addTimeOff: { id: string } }>(
        'mutation($i: TimeOffInput!) { addTimeOff(input: $i) { id } }',
        { i: { doctorId: p.doctorId, start, end: end.toISOString(), reason: 'conference' } },
        { token: p.doctor.accessToken },
      );
      expect(off.errors).toBeUndefined();
      expect(await nextWindow(live)).toEqual(free.map((s) => s.start).filter((s) => new Date(s) >= end));
      await c.call('mutation($id: ID!) { removeTimeOff(id: $id) }', { id: off.data!.addTimeOff.id }, { token: p.doctor.accessToken });
      expect(await nextWindow(live)).toEqual(free.map((s) => s.start));
    } finally {
      await live.close();
    }
  });

  it('sends nothing for changes that leave the window as it was: an approval, a booking days away', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { variables, free } = await dayAfterTomorrow(p);
    const live = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, variables);
    try {
      await live.ready;
      const [later] = await freeSlots(p, new Date(Date.now() + 6 * DAY), 1);
      const far = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: later!.start });
      await c.call(
        'mutation($id: ID!) { approveAppointment(id: $id) { id } }',
        { id: (far.data!.bookAppointment as { id: string }).id },
        { token: p.doctor.accessToken },
      );
      await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: free[0]!.start });
      // The first window sent is the one this booking changed: nothing came before it.
      expect(await nextWindow(live)).toEqual(free.slice(1).map((s) => s.start));
    } finally {
      await live.close();
    }
  });

  it('follows the doctor a booking moves to and the one it leaves', async () => {
    const p = await seed.practice();
    const other = await seed.colleague(p);
    const pat = await seed.patient();
    const { variables, free } = await dayAfterTomorrow(p);
    const otherWindow = { ...variables, d: other.doctorId };
    const mine = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, variables);
    const theirs = subscribeLive<SlotsChanged>(testEnv().routerUrl, SLOTS_CHANGED, otherWindow);
    try {
      await Promise.all([mine.ready, theirs.ready]);
      const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: free[0]!.start });
      expect(await nextWindow(mine)).not.toContain(free[0]!.start);
      const moved = await c.call(
        'mutation($id: ID!, $s: DateTime!, $d: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d) { __typename } }',
        { id: (booked.data!.bookAppointment as { id: string }).id, s: free[0]!.start, d: other.doctorId },
        { token: pat.accessToken },
      );
      expect(moved.errors).toBeUndefined();
      expect(await nextWindow(mine)).toContain(free[0]!.start);
      expect(await nextWindow(theirs)).not.toContain(free[0]!.start);
    } finally {
      await mine.close();
      await theirs.close();
    }
  });

  it('refuses what slotWindow would: a window over 14 days, an unknown doctor, a malformed id, a service the doctor does not offer', async () => {
    const p = await seed.practice();
    const other = await seed.practice();
    const from = new Date(Date.now() + DAY);
    const window = { d: p.doctorId, f: from.toISOString(), t: new Date(from.getTime() + DAY).toISOString() };
    expect(await refusal({ ...window, t: new Date(from.getTime() + 15 * DAY).toISOString() })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await refusal({ ...window, t: window.f })).toEqual([{ code: 'BAD_USER_INPUT', field: 'to' }]);
    expect(await refusal({ ...window, d: UNKNOWN })).toEqual([{ code: 'NOT_FOUND', field: undefined }]);
    expect(await refusal({ ...window, d: 'x' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'doctorId' }]);
    expect(await refusal({ ...window, s: other.serviceId })).toEqual([{ code: 'BAD_USER_INPUT', field: 'serviceId' }]);
    expect(await refusal({ ...window, f: 'tomorrow' })).toEqual([{ code: 'BAD_USER_INPUT', field: 'from' }]);
  });
});

describe('slotWindow', () => {
  it("without a service: every service the doctor offers, each slot saying which; the same as the subscription's payload", async () => {
    const p = await seed.practice();
    const from = new Date(Date.now() + 2 * DAY);
    const result = await c.call<{ slotWindow: { service: unknown; slots: { start: string; service: { id: string } }[] } }>(
      'query($d: ID!, $f: DateTime!, $t: DateTime!) { slotWindow(doctorId: $d, from: $f, to: $t) { service { id } slots { start service { id } } } }',
      { d: p.doctorId, f: from.toISOString(), t: new Date(from.getTime() + DAY).toISOString() },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.slotWindow.service).toBeNull();
    expect(result.data!.slotWindow.slots.map((s) => s.start)).toEqual((await freeSlots(p, from, 1)).map((s) => s.start));
    expect(new Set(result.data!.slotWindow.slots.map((s) => s.service.id))).toEqual(new Set([p.serviceId]));
  });
});
