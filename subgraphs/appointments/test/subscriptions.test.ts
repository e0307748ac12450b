import { beforeAll, describe, expect, it } from 'vitest';
import { accountWithRole, adminSession, errorCodes, postGraphQL, subscribeLive, testEnv, whenSubscriptionsLive, book, freeSlots, seed } from '@medappt/testkit';
import { c } from './fixtures.ts';

const CHANGES = `subscription($d: ID, $p: ID) {
  appointmentChanged(doctorId: $d, patientId: $p) {
    action
    appointment { id status doctor { id name } service { name } patient { name } }
  }
}`;
type Change = {
  appointmentChanged: {
    action: string;
    appointment: { id: string; status: string; doctor: { id: string; name: string }; service: { name: string }; patient: { name: string } | null };
  };
};
const DAY = 86_400_000;

beforeAll(() => whenSubscriptionsLive());

describe('appointmentChanged, over WebSocket through the router', () => {
  it('a booking and its approval reach the doctor live, with fields from three subgraphs', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const live = subscribeLive<Change>(testEnv().routerUrl, CHANGES, { d: p.doctorId }, { token: p.doctor.accessToken });
    const mine = subscribeLive<Change>(testEnv().routerUrl, CHANGES, { p: pat.user.id }, { token: pat.accessToken });
    try {
      await Promise.all([live.ready, mine.ready]);
      const [slot] = await freeSlots(p, new Date(Date.now() + 2 * DAY));
      const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
      const id = (booked.data?.bookAppointment as { id: string }).id;

      const first = await live.next();
      expect(first.errors).toBeUndefined();
      expect(first.data?.appointmentChanged).toMatchObject({
        action: 'REQUESTED',
        appointment: { id, status: 'REQUESTED', doctor: { id: p.doctorId }, patient: { name: 'Pat Ient' } },
      });
      expect(first.data?.appointmentChanged.appointment.doctor.name).toMatch(/^Dr\./);
      expect(first.data?.appointmentChanged.appointment.service.name).toBeTruthy();
      expect((await mine.next()).data?.appointmentChanged).toMatchObject({ action: 'REQUESTED', appointment: { id } });

      await c.call('mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id }, { token: p.doctor.accessToken });
      expect((await live.next()).data?.appointmentChanged).toMatchObject({ action: 'CONFIRMED', appointment: { id, status: 'CONFIRMED' } });
      expect((await mine.next()).data?.appointmentChanged).toMatchObject({ action: 'CONFIRMED' });
    } finally {
      await live.close();
      await mine.close();
    }
  });

  it('refuses what a query would: another patient, no token, both or neither argument, over the limits', async () => {
    const pat = await seed.patient();
    const other = await seed.patient();
    const refusedWith = async (variables: Record<string, unknown>, options: { token?: string }, query = CHANGES) => {
      const live = subscribeLive(testEnv().routerUrl, query, variables, options);
      try {
        return (await live.refused).map((e) => e.extensions?.['code']);
      } finally {
        await live.close();
      }
    };
    expect(await refusedWith({ p: other.user.id }, { token: pat.accessToken })).toEqual(['FORBIDDEN']);
    expect(await refusedWith({ p: pat.user.id }, {})).toEqual(['UNAUTHENTICATED']);
    expect(await refusedWith({ p: pat.user.id, d: pat.user.id }, { token: pat.accessToken })).toEqual(['BAD_USER_INPUT']);
    expect(await refusedWith({}, { token: pat.accessToken })).toEqual(['BAD_USER_INPUT']);
    const staff = await accountWithRole('STAFF');
    // Staff following a doctor who does not exist: an error, not a silent stream.
    expect(await refusedWith({ d: '7d0c3b5e-0000-4000-8000-000000000000' }, { token: staff.accessToken })).toEqual(['NOT_FOUND']);
    let deep = 'id';
    for (let i = 0; i < 5; i += 1) deep = `user { doctorProfile { ${deep} } }`;
    expect(
      await refusedWith(
        { p: pat.user.id },
        { token: staff.accessToken },
        `subscription($p: ID) { appointmentChanged(patientId: $p) { appointment { doctor { ${deep} } } } }`,
      ),
    ).toEqual(['QUERY_TOO_DEEP']);
  });

  it('closes a socket whose token does not verify with 4403, and answers a subscription over HTTP with 400', async () => {
    const forged = subscribeLive(testEnv().routerUrl, CHANGES, { p: 'x' }, { token: 'not.a.token' });
    expect(await forged.closed).toBe(4403);
    await forged.close();

    const overHttp = await postGraphQL(
      testEnv().routerUrl,
      'subscription { appointmentChanged(doctorId: "x") { action } }',
      {},
      { headers: { accept: 'application/graphql-response+json' } },
    );
    expect(overHttp.status).toBe(400);
    expect(errorCodes(overHttp)).toEqual(['BAD_REQUEST']);
    expect(overHttp.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});

describe('subscription sockets over time', () => {
  it('close within seconds when the account is disabled (4403)', async () => {
    const pat = await seed.patient();
    const live = subscribeLive<Change>(testEnv().routerUrl, CHANGES, { p: pat.user.id }, { token: pat.accessToken });
    try {
      await live.ready;
      const admin = await adminSession();
      const started = Date.now();
      await c.call('mutation($id: ID!) { disableUser(id: $id) { id } }', { id: pat.user.id }, { token: admin.accessToken });
      expect(await live.closed).toBe(4403);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await live.close();
    }
  });
});

describe('subscription documents', () => {
  it('deliver an action-only selection and merge repeated selections of the appointment', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const actionOnly = subscribeLive<{ appointmentChanged: { action: string } }>(
      testEnv().routerUrl,
      'subscription($p: ID) { appointmentChanged(patientId: $p) { action } }',
      { p: pat.user.id },
      { token: pat.accessToken },
    );
    const merged = subscribeLive<{ appointmentChanged: { appointment: { id: string; status: string; doctor: { name: string } } } }>(
      testEnv().routerUrl,
      'subscription($p: ID) { appointmentChanged(patientId: $p) { appointment { id } ... on AppointmentChange { appointment { status doctor { name } } } } }',
      { p: pat.user.id },
      { token: pat.accessToken },
    );
    try {
      await Promise.all([actionOnly.ready, merged.ready]);
      const [slot] = await freeSlots(p, new Date(Date.now() + 2 * DAY));
      const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
      const id = (booked.data?.bookAppointment as { id: string }).id;
      expect((await actionOnly.next()).data).toEqual({ appointmentChanged: { action: 'REQUESTED' } });
      const change = (await merged.next()).data?.appointmentChanged.appointment;
      expect(change).toMatchObject({ id, status: 'REQUESTED' });
      expect(change?.doctor.name).toMatch(/^Dr\./);
    } finally {
      await actionOnly.close();
      await merged.close();
    }
  });

  it('refuses @include on the change itself (it would need evaluating per event)', async () => {
    const pat = await seed.patient();
    const withDirective = subscribeLive(
      testEnv().routerUrl,
      'subscription($p: ID) { appointmentChanged(patientId: $p) { action @include(if: true) } }',
      { p: pat.user.id },
      { token: pat.accessToken },
    );
    expect((await withDirective.refused).map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    await withDirective.close();
  });
});
