import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { adminSession, errorCodes, eventually, publishEvent, waitForEmail, freeSlots, seed } from '@medappt/testkit';
import { notificationsSchema } from '../src/public.ts';
import { bookSlot, c, inboxOf, isNotice, noticesTo, notificationsDb } from './fixtures.ts';

const DAY = 86_400_000;

describe('notices from appointment events', () => {
  it('booking → the patient gets an email with the local time and place, the doctor a request; approval → a confirmation', async () => {
    const p = await seed.clinic({ timeZone: 'America/New_York' }).service().doctor().hours();
    const pat = await seed.patient();
    // Far ahead: the reminder tests move their clock up to ~5 weeks on, and must not reach this visit.
    const { id, slot } = await bookSlot(p, pat.accessToken, 45, 'Back pain');
    // localStart is the clinic's wall-clock time, e.g. 2026-11-25T09:00:00-05:00.
    const localTime = slot.localStart.slice(11, 16);

    const received = await waitForEmail(pat.user.email!, (m) => m.subject.includes('received your appointment request'));
    expect(received.text).toContain(`Time: ${localTime}`);
    expect(received.text).toContain('America/New_York');
    // Why the patient comes is medical information: not on Kafka, so not in any email either.
    expect(received.text).not.toContain('Back pain');
    const request = await waitForEmail(p.doctor.user.email!, (m) => m.text.includes(localTime) && /request/i.test(m.subject));
    expect(request.text).not.toContain('Back pain');

    const approved = await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken });
    expect(approved.errors).toBeUndefined();
    const confirmation = await waitForEmail(pat.user.email!, (m) => m.subject.startsWith('Confirmed'));
    expect(confirmation.subject).toContain(localTime);
    expect(confirmation.text).toMatch(/Service: Checkup \w+/);
    expect(confirmation.text).toMatch(/Doctor: Dr\. \w+/);
    expect(confirmation.text).toMatch(/Location: Clinic \w+, 1 Main St/);
    expect(confirmation.text).toContain(`Time: ${localTime}`);
    const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'America/New_York', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(
      new Date(slot.start),
    );
    expect(confirmation.text).toContain(weekday);

    // The same notices are in the in-app inbox, with their delivery log.
    const inbox = await inboxOf(pat.accessToken);
    expect(inbox.notifications.map((n) => n.type).sort()).toEqual(['APPOINTMENT_CONFIRMED', 'BOOKING_RECEIVED']);
    const confirmed = inbox.notifications.find((n) => n.type === 'APPOINTMENT_CONFIRMED')!;
    expect(confirmed.appointmentId).toBe(id);
    await eventually(async () =>
      (await inboxOf(pat.accessToken)).notifications.every((n) => n.deliveries.find((d) => d.channel === 'EMAIL')?.status === 'SENT') ? true : undefined,
    );
    expect(confirmed.deliveries.map((d) => d.channel).sort()).toEqual(['EMAIL', 'IN_APP']);
    expect(inbox.unreadNotificationCount).toBe(2);

    // Pages: newest first, `after` continues where the last page ended.
    const PAGE = 'query($after: ID) { me { notifications(first: 1, after: $after) { id type } } }';
    const page1 = (await c.call<{ me: { notifications: { id: string; type: string }[] } }>(PAGE, {}, { token: pat.accessToken })).data!.me.notifications;
    const page2 = (await c.call<{ me: { notifications: { id: string; type: string }[] } }>(PAGE, { after: page1[0]!.id }, { token: pat.accessToken })).data!.me
      .notifications;
    expect([...page1, ...page2].map((n) => n.type)).toEqual(['APPOINTMENT_CONFIRMED', 'BOOKING_RECEIVED']);
    const badCursor = await c.call(PAGE, { after: 'page-2' }, { token: pat.accessToken });
    expect(badCursor.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });

    const read = await c.call<{ markNotificationRead: { readAt: string } }>(
      'mutation($id: ID!) { markNotificationRead(id: $id) { readAt } }',
      { id: confirmed.id },
      { token: pat.accessToken },
    );
    expect(read.data?.markNotificationRead.readAt).toBeTruthy();
    expect((await inboxOf(pat.accessToken)).unreadNotificationCount).toBe(1);
    const all = await c.call<{ markAllNotificationsRead: number }>('mutation { markAllNotificationsRead }', {}, { token: pat.accessToken });
    expect(all.data?.markAllNotificationsRead).toBe(1);
  }, 60_000);

  it('a patient cancels → the doctor is told, the patient gets no cancellation notice', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { id } = await bookSlot(p, pat.accessToken, 3);
    const cancelled = await c.call(
      'mutation($id: ID!) { cancelAppointment(id: $id, reason: "Feeling better") { status } }',
      { id },
      { token: pat.accessToken },
    );
    expect(cancelled.errors).toBeUndefined();
    const notice = await waitForEmail(p.doctor.user.email!, (m) => /cancel/i.test(m.subject));
    expect(notice.text).not.toContain('Feeling better');
    const doctorInbox = await inboxOf(p.doctor.accessToken);
    expect(doctorInbox.notifications.map((n) => n.type).sort()).toEqual(['APPOINTMENT_CANCELLED', 'APPOINTMENT_REQUEST']);
    expect((await inboxOf(pat.accessToken)).notifications.map((n) => n.type)).toEqual(['BOOKING_RECEIVED']);
  }, 60_000);

  it('staff moving a confirmed visit to a colleague: the old doctor is told it is cancelled, the new one gets a request to approve, the patient that it moved', async () => {
    const p = await seed.practice();
    const other = await seed.colleague(p);
    const pat = await seed.patient();
    const { id, slot } = await bookSlot(p, pat.accessToken, 3, 'Sore knee');
    expect((await c.call('mutation($id: ID!) { approveAppointment(id: $id) { status } }', { id }, { token: p.doctor.accessToken })).errors).toBeUndefined();
    const [, target] = await freeSlots({ ...p, doctorId: other.doctorId }, new Date(Date.now() + 3 * DAY), 3);
    const moved = await c.call<{ rescheduleAppointment: { status: string; doctor: { id: string } } }>(
      'mutation($id: ID!, $s: DateTime!, $d: ID) { rescheduleAppointment(id: $id, start: $s, doctorId: $d, reason: "Doctor on leave") { ... on Appointment { status doctor { id } } } }',
      { id, s: target!.start, d: other.doctorId },
      { token: p.staff.accessToken },
    );
    expect(moved.errors).toBeUndefined();
    // Nobody agreed on the new doctor's behalf: it waits for them.
    expect(moved.data?.rescheduleAppointment).toEqual({ status: 'REQUESTED', doctor: { id: other.doctorId } });

    const cancelled = await waitForEmail(p.doctor.user.email!, (m) => m.subject.startsWith('Cancelled'));
    expect(cancelled.subject).toContain(slot.localStart.slice(11, 16));
    expect(cancelled.text).not.toContain('Doctor on leave');
    const request = await waitForEmail(other.doctor.user.email!, (m) => m.subject.startsWith('New appointment request'));
    expect(request.subject).toContain(target!.localStart.slice(11, 16));
    expect(request.text).not.toContain('Doctor on leave');
    const told = await waitForEmail(pat.user.email!, (m) => m.subject.startsWith('Moved'));
    expect(told.text).toMatch(new RegExp(`moved from .* at ${slot.localStart.slice(11, 16)} to a new time`));
    expect(told.text).toContain(`New time: ${target!.localStart.slice(11, 16)}`);
    expect(told.text).not.toContain('Doctor on leave');
    expect(told.text).toContain(`It is not confirmed yet: ${told.text.match(/Doctor: (.+)/)?.[1]} will review it`);

    await eventually(async () => ((await inboxOf(p.doctor.accessToken)).notifications.length === 2 ? true : undefined));
    expect((await inboxOf(p.doctor.accessToken)).notifications.map((n) => n.type).sort()).toEqual(['APPOINTMENT_CANCELLED', 'APPOINTMENT_REQUEST']);
    expect((await inboxOf(other.doctor.accessToken)).notifications.map((n) => n.type)).toEqual(['APPOINTMENT_REQUEST']);
    expect((await inboxOf(pat.accessToken)).notifications.map((n) => n.type).sort()).toEqual([
      'APPOINTMENT_CONFIRMED',
      'APPOINTMENT_RESCHEDULED',
      'BOOKING_RECEIVED',
    ]);

    // It is the new doctor's to decide, and gone from the old doctor's queue.
    const pendingOf = async (doctorId: string, token: string) =>
      (
        await c.call<{ doctor: { pendingRequests: { id: string }[] } }>(
          'query($d: ID!) { doctor(id: $d) { pendingRequests { id } } }',
          { d: doctorId },
          { token },
        )
      ).data?.doctor.pendingRequests.map((a) => a.id);
    expect(await pendingOf(other.doctorId, other.doctor.accessToken)).toEqual([id]);
    expect(await pendingOf(p.doctorId, p.doctor.accessToken)).toEqual([]);
    const approved = await c.call<{ approveAppointment: { status: string } }>(
      'mutation($id: ID!) { approveAppointment(id: $id) { status } }',
      { id },
      { token: other.doctor.accessToken },
    );
    expect(approved.data?.approveAppointment.status).toBe('CONFIRMED');
  }, 60_000);

  it("a declined request reaches the patient; the doctor's reason is read in the app, not carried by the event or the email", async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const { id } = await bookSlot(p, pat.accessToken, 4);
    await c.call('mutation($id: ID!) { declineAppointment(id: $id, reason: "Please see a specialist") { status } }', { id }, { token: p.doctor.accessToken });
    const declined = await waitForEmail(pat.user.email!, (m) => /declined/i.test(m.subject));
    expect(declined.text).not.toContain('Please see a specialist');
    const history = await c.call<{ appointment: { history: { to: string; reason: string | null }[] } }>(
      'query($id: ID!) { appointment(id: $id) { history { to reason } } }',
      { id },
      { token: pat.accessToken },
    );
    expect(history.data?.appointment.history.at(-1)).toEqual({ to: 'DECLINED', reason: 'Please see a specialist' });
  }, 60_000);

  it('a freed time reaches the first patient on the waiting list', async () => {
    const p = await seed.practice();
    const [first, waiting] = [await seed.patient(), await seed.patient()];
    const { id, slot } = await bookSlot(p, first.accessToken, 6);
    const joined = await c.call(
      'mutation($i: WaitlistInput!) { joinWaitlist(input: $i) { id } }',
      {
        i: {
          serviceId: p.serviceId,
          doctorId: p.doctorId,
          from: new Date(new Date(slot.start).getTime() - 3_600_000).toISOString(),
          to: new Date(new Date(slot.start).getTime() + 3_600_000).toISOString(),
        },
      },
      { token: waiting.accessToken },
    );
    expect(joined.errors).toBeUndefined();
    await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Cannot come") { id } }', { id }, { token: first.accessToken });
    const offer = await waitForEmail(waiting.user.email!, (m) => /waiting for is free/.test(m.subject));
    expect(offer.text).toContain(slot.localStart.slice(11, 16));
    expect(offer.text).toMatch(/not held/);
  }, 60_000);

  it('the inbox is private: nobody else reads it or marks it read', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    await bookSlot(p, pat.accessToken, 5);
    const [mine] = await eventually(async () => {
      const { notifications } = await inboxOf(pat.accessToken);
      return notifications.length ? notifications : undefined;
    });

    // Anyone reaches the doctor's account through the directory, but not the doctor's inbox.
    const viaDirectory = await c.call<{ doctor: { user: { id: string; notifications: unknown } } }>(
      'query($id: ID!) { doctor(id: $id) { user { id notifications { id } unreadNotificationCount } } }',
      { id: p.doctorId },
      { token: pat.accessToken },
    );
    expect(errorCodes(viaDirectory)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(viaDirectory.data?.doctor.user).toEqual({ id: p.doctorId, notifications: null, unreadNotificationCount: null });

    const other = await seed.patient();
    const steal = await c.call('mutation($id: ID!) { markNotificationRead(id: $id) { id } }', { id: mine!.id }, { token: other.accessToken });
    expect(errorCodes(steal)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call('{ notificationPreferences { locale } }', {}))).toEqual(['UNAUTHENTICATED']);
    expect((await noticesTo(other.user.email!)).length).toBe(0);
  }, 60_000);
});

function requested(patientId: string) {
  const start = new Date(Date.now() + 60 * DAY);
  return publishEvent(Topics.appointments.name, {
    type: 'appointment.requested',
    key: randomUUID(),
    payload: {
      appointmentId: randomUUID(),
      doctorId: randomUUID(),
      patientId,
      serviceId: randomUUID(),
      startAt: start.toISOString(),
      endAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
      status: 'REQUESTED',
      actorRole: 'STAFF',
      timeZone: 'Europe/Berlin',
    },
  });
}

const emailDelivery = async (userId: string, status: string): Promise<{ status: string; lastError: string | null; attempts: number }> => {
  const admin = await adminSession(c);
  return eventually(async () => {
    const log = await c.call<{ notificationDeliveries: { channel: string; status: string; lastError: string | null; attempts: number }[] }>(
      'query($u: ID) { notificationDeliveries(userId: $u) { channel status lastError attempts } }',
      { u: userId },
      { token: admin.accessToken },
    );
    return log.data?.notificationDeliveries.find((d) => d.channel === 'EMAIL' && d.status === status);
  });
};

describe('an account with no email address', () => {
  it('has its email SKIPPED with the reason once the account is known without one, not retried', async () => {
    const patientId = randomUUID();
    await requested(patientId);
    // The notice came first, so an email was queued for an address yet to come.
    expect((await emailDelivery(patientId, 'RETRYING')).lastError).toBe('no email address known for this account yet');
    await publishEvent(Topics.users.name, {
      type: 'user.created',
      key: patientId,
      payload: { userId: patientId, role: 'PATIENT', name: 'No Mail', disabledAt: null },
    });
    const skipped = await emailDelivery(patientId, 'SKIPPED');
    expect(skipped.lastError).toBe('no email address for this account');
  });

  it('has its email SKIPPED when the account never arrives: the wait is the retry schedule', async () => {
    const patientId = randomUUID();
    await requested(patientId);
    // Tests retry every 300 ms, doubling, 5 attempts: about 5 s.
    const skipped = await emailDelivery(patientId, 'SKIPPED');
    expect(skipped.lastError).toBe('no email address for this account (the account was not known after 5 attempts)');
    expect(skipped.attempts).toBe(5);
  }, 30_000);
});

describe('an account the notices arrive before', () => {
  it('gets its email once its address is known: the delivery waits and retries meanwhile', async () => {
    const patientId = randomUUID();
    const address = `late.${patientId.slice(0, 8)}@example.com`;
    const start = new Date(Date.now() + 60 * DAY);
    await publishEvent(Topics.appointments.name, {
      type: 'appointment.requested',
      key: randomUUID(),
      payload: {
        appointmentId: randomUUID(),
        doctorId: randomUUID(),
        patientId,
        serviceId: randomUUID(),
        startAt: start.toISOString(),
        endAt: new Date(start.getTime() + 30 * 60_000).toISOString(),
        status: 'REQUESTED',
        actorRole: 'PATIENT',
        timeZone: 'Europe/Berlin',
      },
    });
    const { db, close } = notificationsDb();
    try {
      const { deliveries } = notificationsSchema;
      const waiting = await eventually(async () => {
        const [row] = await db
          .select()
          .from(deliveries)
          .where(and(eq(deliveries.userId, patientId), eq(deliveries.channel, 'EMAIL')));
        return row?.status === 'RETRYING' ? row : undefined;
      });
      expect(waiting.lastError).toMatch(/no email address known/);

      await publishEvent(Topics.users.name, {
        type: 'user.created',
        key: patientId,
        payload: { userId: patientId, role: 'PATIENT', name: 'Late Comer', email: address, disabledAt: null },
      });
      const email = await waitForEmail(address, isNotice, 20_000);
      expect(email.subject).toMatch(/received your appointment request/);
      expect(email.text).toContain(
        'Time: ' + new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(start),
      );
    } finally {
      await close();
    }
  }, 60_000);
});
