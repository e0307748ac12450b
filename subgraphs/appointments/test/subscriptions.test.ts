import { describe, expect, it } from 'vitest';
import { accountWithRole, errorCodes, postGraphQL, subscribeLive, testEnv } from '@medappt/testkit';
import { book, c, freeSlots, patient, practice } from './fixtures.ts';

const CHANGES = `subscription($d: ID, $p: ID) {
  appointmentChanged(doctorId: $d, patientId: $p) {
    action
    appointment { id status doctor { id name } service { name } patient { name } }
  }
}`;
type Change = { appointmentChanged: { action: string; appointment: { id: string; status: string; doctor: { id: string; name: string }; service: { name: string }; patient: { name: string } | null } } };
const DAY = 86_400_000;

describe('appointmentChanged, over WebSocket through the router', () => {
  it('a booking and its approval reach the doctor live, with fields from three subgraphs', async () => {
    const p = await practice();
    const pat = await patient();
    const live = subscribeLive<Change>(testEnv().routerUrl, CHANGES, { d: p.doctorId }, { token: p.doctor.accessToken });
    const mine = subscribeLive<Change>(testEnv().routerUrl, CHANGES, { p: pat.user.id }, { token: pat.accessToken });
    try {
      // Give both sockets a moment to subscribe before the event is published.
      await new Promise((r) => setTimeout(r, 300));
      const [slot] = await freeSlots(p, new Date(Date.now() + 2 * DAY));
      const booked = await book(pat.accessToken, { doctorId: p.doctorId, serviceId: p.serviceId, start: slot!.start });
      const id = (booked.data?.bookAppointment as { id: string }).id;

      const first = await live.next();
      expect(first.errors).toBeUndefined();
      expect(first.data?.appointmentChanged).toMatchObject({ action: 'REQUESTED', appointment: { id, status: 'REQUESTED', doctor: { id: p.doctorId }, patient: { name: 'Pat Ient' } } });
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
    const pat = await patient();
    const other = await patient();
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
    let deep = 'id';
    for (let i = 0; i < 5; i += 1) deep = `user { doctorProfile { ${deep} } }`;
    expect(await refusedWith({ p: pat.user.id }, { token: staff.accessToken }, `subscription($p: ID) { appointmentChanged(patientId: $p) { appointment { doctor { ${deep} } } } }`)).toEqual(['QUERY_TOO_DEEP']);
  });

  it('closes a socket whose token does not verify with 4403, and answers a subscription over HTTP with 400', async () => {
    const forged = subscribeLive(testEnv().routerUrl, CHANGES, { p: 'x' }, { token: 'not.a.token' });
    expect(await forged.closed).toBe(4403);
    await forged.close();

    const overHttp = await postGraphQL(testEnv().routerUrl, 'subscription { appointmentChanged(doctorId: "x") { action } }', {}, { headers: { accept: 'application/graphql-response+json' } });
    expect(overHttp.status).toBe(400);
    expect(errorCodes(overHttp)).toEqual(['BAD_REQUEST']);
    expect(overHttp.errors?.[0]?.message).toMatch(/WebSocket/);
  });
});
