import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { notificationCreatedV1, Topics } from '@medappt/platform';
import { accountWithRole, adminSession, errorCodes, eventually, waitForMessage, seed } from '@medappt/testkit';
import { notificationsSchema } from '../src/public.ts';
import { bookSlot, c, inboxOf, notificationsDb, type InboxItem } from './fixtures.ts';

const { outbox } = notificationsSchema;
const store = notificationsDb();
afterAll(() => store.close());

const NOTIFICATION = 'query($id: ID!) { notification(id: $id) { id type subject body appointmentId readAt createdAt deliveries { channel } } }';

/** The recipient's inbox item of `type` about `appointmentId`, once the consumer has written it. */
const itemOf = (token: string, type: string, appointmentId: string): Promise<InboxItem> =>
  eventually(async () => (await inboxOf(token)).notifications.find((n) => n.type === type && n.appointmentId === appointmentId));

/** The notification.created of one inbox item, read from the real topic. */
async function announcementOf(notificationId: string) {
  const message = await waitForMessage(
    Topics.notifications.name,
    (m) => (JSON.parse(m.value) as { payload?: { notificationId?: string } }).payload?.notificationId === notificationId,
  );
  return { message, envelope: JSON.parse(message.value) as { type: string; version: number; key: string; payload: Record<string, unknown> } };
}

describe('notification.created on notifications.events.v1', () => {
  it('announces each new inbox item of a booking, keyed by its recipient, with ids only and never what the message says', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const reason = `Itchy rash ${randomBytes(3).toString('hex')}`;
    const { id: appointmentId } = await bookSlot(p, pat.accessToken, 6, reason);

    const received = await itemOf(pat.accessToken, 'BOOKING_RECEIVED', appointmentId);
    const { message, envelope } = await announcementOf(received.id);
    expect(message.key).toBe(pat.user.id);
    expect(envelope).toMatchObject({ type: 'notification.created', version: 1, key: pat.user.id });
    const own = await c.call<{ notification: { createdAt: string } }>(NOTIFICATION, { id: received.id }, { token: pat.accessToken });
    expect(envelope.payload).toEqual({ notificationId: received.id, recipientId: pat.user.id, type: 'BOOKING_RECEIVED', createdAt: expect.any(String) });
    expect(new Date(envelope.payload['createdAt'] as string).getTime()).toBe(new Date(own.data!.notification.createdAt).getTime());
    expect(notificationCreatedV1.safeParse(envelope.payload).success).toBe(true);
    for (const text of [received.subject, received.body, reason, appointmentId]) expect(message.value).not.toContain(text);

    // The doctor's request is announced on the doctor's key, also without the reason.
    const request = await itemOf(p.doctor.accessToken, 'APPOINTMENT_REQUEST', appointmentId);
    const forDoctor = await announcementOf(request.id);
    expect(forDoctor.message.key).toBe(p.doctorId);
    expect(forDoctor.envelope.payload).toMatchObject({ recipientId: p.doctorId, type: 'APPOINTMENT_REQUEST' });
    expect(forDoctor.message.value).not.toContain(reason);
  }, 60_000);

  it('is written in the transaction of the inbox item: once the item is visible, so is its one event', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { id: appointmentId } = await bookSlot(p, pat.accessToken, 7);
    const received = await itemOf(pat.accessToken, 'BOOKING_RECEIVED', appointmentId);
    const rows = await store.db
      .select()
      .from(outbox)
      .where(sql`${outbox.envelope}->'payload'->>'notificationId' = ${received.id}`);
    expect(rows.map((r) => [r.topic, r.key, r.envelope.type])).toEqual([[Topics.notifications.name, pat.user.id, 'notification.created']]);
  }, 60_000);
});

describe('notification(id)', () => {
  it('gives the item to its recipient, and null to anyone else, anonymous or an unknown id alike', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { id: appointmentId } = await bookSlot(p, pat.accessToken, 8);
    const received = await itemOf(pat.accessToken, 'BOOKING_RECEIVED', appointmentId);

    const own = await c.call<{ notification: InboxItem & { createdAt: string } }>(NOTIFICATION, { id: received.id }, { token: pat.accessToken });
    expect(own.errors).toBeUndefined();
    expect(own.data?.notification).toMatchObject({
      id: received.id,
      type: 'BOOKING_RECEIVED',
      subject: received.subject,
      body: received.body,
      appointmentId,
      readAt: null,
    });
    expect(own.data?.notification.deliveries.map((d) => d.channel)).toContain('IN_APP');

    // Not even the doctor of the visit, staff or an admin read another account's inbox.
    const others = [p.doctor.accessToken, p.staff.accessToken, (await adminSession(c)).accessToken, (await accountWithRole('PATIENT', c)).accessToken];
    for (const token of [...others, undefined]) {
      const result = await c.call(NOTIFICATION, { id: received.id }, token ? { token } : {});
      expect([result.data, result.errors]).toEqual([{ notification: null }, undefined]);
    }
    // An unknown id reads exactly like someone else's: no way to probe which ids exist.
    const unknown = await c.call(NOTIFICATION, { id: randomUUID() }, { token: pat.accessToken });
    expect([unknown.data, unknown.errors]).toEqual([{ notification: null }, undefined]);

    const malformed = await c.call(NOTIFICATION, { id: 'inbox-1' }, { token: pat.accessToken });
    expect(errorCodes(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ field: 'id' });
  }, 60_000);
});

describe('the composed schema', () => {
  it('has the subscription fields of both subgraphs that declare them', async () => {
    const result = await c.call<{ __type: { fields: { name: string; type: { kind: string; ofType: { name: string } | null } }[] } }>(
      '{ __type(name: "Subscription") { fields { name type { kind ofType { name } } } } }',
    );
    const fields = result.data?.__type.fields ?? [];
    expect(fields.map((f) => f.name)).toEqual(expect.arrayContaining(['appointmentChanged', 'notificationReceived']));
    expect(fields.find((f) => f.name === 'notificationReceived')?.type).toEqual({ kind: 'NON_NULL', ofType: { name: 'Notification' } });
  });
});
