import { beforeAll, describe, expect, it } from 'vitest';
import { subscribeLive, testEnv, whenSubscriptionsLive, seed } from '@medappt/testkit';
import { bookSlot } from './fixtures.ts';

const INBOX_LIVE = 'subscription { notificationReceived { id type subject appointmentId readAt } }';
type Received = { notificationReceived: { id: string; type: string; subject: string; appointmentId: string | null; readAt: string | null } };

beforeAll(() => whenSubscriptionsLive());

describe('notificationReceived, over WebSocket through the router', () => {
  it("brings each account its own new inbox items, and nobody else's", async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const bystander = await seed.patient();
    const doctor = subscribeLive<Received>(testEnv().routerUrl, INBOX_LIVE, {}, { token: p.doctor.accessToken });
    const mine = subscribeLive<Received>(testEnv().routerUrl, INBOX_LIVE, {}, { token: pat.accessToken });
    const other = subscribeLive<Received>(testEnv().routerUrl, INBOX_LIVE, {}, { token: bystander.accessToken });
    try {
      await Promise.all([doctor.ready, mine.ready, other.ready]);
      const { id: appointmentId } = await bookSlot(p, pat.accessToken, 3);

      const got = await mine.next();
      expect(got.errors).toBeUndefined();
      expect(got.data?.notificationReceived).toMatchObject({ type: 'BOOKING_RECEIVED', appointmentId, readAt: null, subject: expect.any(String) });
      expect((await doctor.next()).data?.notificationReceived).toMatchObject({ type: 'APPOINTMENT_REQUEST', appointmentId });

      // The bystander's stream stays empty: its next item is the one from its own booking.
      const { id: own } = await bookSlot(p, bystander.accessToken, 4);
      expect((await other.next()).data?.notificationReceived).toMatchObject({ type: 'BOOKING_RECEIVED', appointmentId: own });
    } finally {
      await Promise.all([doctor.close(), mine.close(), other.close()]);
    }
  });

  it('needs a signed-in account', async () => {
    const anonymous = subscribeLive(testEnv().routerUrl, INBOX_LIVE, {}, {});
    try {
      expect((await anonymous.refused).map((e) => e.extensions?.['code'])).toEqual(['UNAUTHENTICATED']);
    } finally {
      await anonymous.close();
    }
  });
});
