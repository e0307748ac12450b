import { and, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { accountWithRole, eventually, waitForEmail, waitForMessage, freeSlots, type Practice, type Slot, seed } from '@medappt/testkit';
import { notificationsSchema, remindDue } from '../src/public.ts';
import { bookSlot, c, noticesTo, notificationsDb, quietLogger } from './fixtures.ts';

const { deliveries, notifications, reminders } = notificationsSchema;
const DAY = 86_400_000;
const HOUR = 3_600_000;

// These tests move a clock forward instead of sleeping: the workers run here with `now` injected,
// against the service's own database. Each test uses visits further ahead than the previous one,
// so a clock set for one test never reaches the reminders of a later one.
const store = notificationsDb();
afterAll(() => store.close());

const at = (ms: number) => () => new Date(ms);
const remindAt = (ms: number) => remindDue({ db: store.db, logger: quietLogger, now: at(ms), batchSize: 50 });
// The service's delivery worker runs on the real clock: a reminder written at a test time (weeks
// ahead) is due then. Moving just that delivery to now is the delivery worker's clock catching up,
// without a second worker on a fake clock taking (and rescheduling) other tests' deliveries.
const releaseDeliveriesOf = (notificationId: string) =>
  store.db.update(deliveries).set({ nextAttemptAt: new Date() }).where(eq(deliveries.notificationId, notificationId));

async function confirmedVisit(p: Practice, token: string, daysAheadOrSlot: number | Slot) {
  const { id, slot } = await bookSlot(p, token, daysAheadOrSlot);
  const approved = await c.call('mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id }, { token: p.doctor.accessToken });
  if (approved.errors) throw new Error(JSON.stringify(approved.errors));
  return { id, start: new Date(slot.start), localStart: slot.localStart };
}

const pendingReminders = (appointmentId: string) =>
  store.db
    .select()
    .from(reminders)
    .where(and(eq(reminders.appointmentId, appointmentId), eq(reminders.status, 'PENDING')))
    .orderBy(reminders.dueAt);

const remindersSentFor = (appointmentId: string) =>
  store.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.appointmentId, appointmentId), eq(notifications.type, 'APPOINTMENT_REMINDER')));

describe('reminders', () => {
  it('are planned on confirmation, moved by a reschedule, fire at their time and are dropped by a cancel', async () => {
    const p = await seed.clinic({ timeZone: 'Europe/Berlin' }).service().doctor().hours();
    const pat = await seed.patient();
    const visit = await confirmedVisit(p, pat.accessToken, 20);
    const planned = await eventually(async () => ((await pendingReminders(visit.id)).length === 2 ? pendingReminders(visit.id) : undefined));
    expect(planned.map((r) => [r.offsetMinutes, r.dueAt.getTime()])).toEqual([
      [1440, visit.start.getTime() - DAY],
      [60, visit.start.getTime() - HOUR],
    ]);

    const [later] = await freeSlots(p, new Date(visit.start.getTime() + 2 * DAY), 1);
    // Moved by the doctor, it stays confirmed (moved by the patient it would wait for approval again, without reminders).
    const moved = await c.call<{ rescheduleAppointment: { status: string } }>(
      'mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, start: $s) { ... on Appointment { status } } }',
      { id: visit.id, s: later!.start },
      { token: p.doctor.accessToken },
    );
    expect(moved.data?.rescheduleAppointment.status).toBe('CONFIRMED');
    const newStart = new Date(later!.start);
    await eventually(async () => ((await pendingReminders(visit.id))[0]?.dueAt.getTime() === newStart.getTime() - DAY ? true : undefined));

    // At the old reminder times nothing is due any more.
    await remindAt(visit.start.getTime() - 30 * 60_000);
    expect(await remindersSentFor(visit.id)).toHaveLength(0);

    // A day before the new time: the 24-hour reminder, with the new local time, in the inbox and by email.
    await remindAt(newStart.getTime() - 23 * HOUR);
    const [sent] = await remindersSentFor(visit.id);
    expect(sent?.body).toContain(later!.localStart.slice(11, 16));
    // A reminder is a new inbox item like any other: announced to live subscribers, on the patient's key.
    const announced = await waitForMessage(Topics.notifications.name, (m) => m.value.includes(`"notificationId":"${sent!.id}"`));
    expect(announced.key).toBe(pat.user.id);
    expect(JSON.parse(announced.value)).toMatchObject({ type: 'notification.created', payload: { recipientId: pat.user.id, type: 'APPOINTMENT_REMINDER' } });
    await releaseDeliveriesOf(sent!.id);
    const email = await waitForEmail(pat.user.email!, (m) => /remind/i.test(m.subject));
    expect(email.text).toContain(later!.localStart.slice(11, 16));

    // Cancelled: the 1-hour reminder is dropped, never sent.
    await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Travel") { id } }', { id: visit.id }, { token: p.doctor.accessToken });
    await eventually(async () => ((await pendingReminders(visit.id)).length === 0 ? true : undefined));
    await remindAt(newStart.getTime() - 30 * 60_000);
    expect(await remindersSentFor(visit.id)).toHaveLength(1);
  }, 90_000);

  it('two workers at once send each reminder once, and of a visit with two due only the nearer', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    // Eight visits on one working day of the clinic (09:00, 10:00, … 16:00 local), whatever the time
    // of day the test runs: the doctor's slots from now + 26 days start on some day, so the first day
    // that offers 09:00 is a whole one (hours 09:00–17:00).
    const offered = await freeSlots(p, new Date(Date.now() + 26 * DAY), 2);
    const day = offered.find((s) => s.localStart.slice(11, 16) === '09:00')!.localStart.slice(0, 10);
    const slots = offered
      .filter((s) => s.localStart.startsWith(day))
      .filter((_, i) => i % 2 === 0)
      .slice(0, 8);
    expect(slots.map((s) => s.localStart.slice(11, 16))).toEqual(['09:00', '10:00', '11:00', '12:00', '13:00', '14:00', '15:00', '16:00']);
    const visits = [];
    for (const slot of slots) visits.push(await confirmedVisit(p, pat.accessToken, slot));
    for (const v of visits) await eventually(async () => ((await pendingReminders(v.id)).length === 2 ? true : undefined));

    // Half an hour before the first visit: every visit's 24-hour reminder is due, and the first one's
    // 1-hour reminder too. Due reminders are claimed earliest first, three at a time, so the first
    // visit's two (the earliest and the latest due) always land in different batches, of one worker
    // or of the two: only its 1-hour reminder may go out.
    const now = visits[0]!.start.getTime() - 30 * 60_000;
    const [first, ...rest] = visits;
    expect(visits.every((v) => v.start.getTime() - DAY <= now && v.start.getTime() > now)).toBe(true);
    expect(visits.filter((v) => v.start.getTime() - HOUR <= now)).toEqual([first]);

    // Two "processes": each its own connection pool, same clock, racing for the same due rows.
    const other = notificationsDb();
    try {
      const worker = (db: typeof store.db) => remindDue({ db, logger: quietLogger, now: at(now), batchSize: 3 });
      const runUntilIdle = async (db: typeof store.db) => {
        let handled = 0;
        for (let n = await worker(db); n > 0; n = await worker(db)) handled += n;
        return handled;
      };
      const [a, b] = await Promise.all([runUntilIdle(store.db), runUntilIdle(other.db)]);
      // Our nine due reminders (other suites' due ones may be handled too).
      expect(a + b).toBeGreaterThanOrEqual(visits.length + 1);
      const states = async (id: string) =>
        (await store.db.select().from(reminders).where(eq(reminders.appointmentId, id)).orderBy(reminders.offsetMinutes)).map((r) => [
          r.offsetMinutes,
          r.status,
          r.note,
        ]);
      for (const v of visits) expect(await remindersSentFor(v.id)).toHaveLength(1);
      expect(await states(first!.id)).toEqual([
        [60, 'SENT', 'sent 30 minutes late'],
        [1440, 'DROPPED', 'superseded by the 60-minute reminder'],
      ]);
      for (const v of rest)
        expect(await states(v.id)).toEqual([
          [60, 'PENDING', null],
          [1440, 'SENT', expect.stringMatching(/^sent \d+ minutes late$/)],
        ]);
    } finally {
      await other.close();
    }
  }, 120_000);

  it('after downtime: a reminder still useful is sent once, late; one whose visit began is dropped', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const soon = await confirmedVisit(p, pat.accessToken, 30);
    // Two days on, not "the first slot 31 days ahead": across a change to summer time that would be
    // only 23 hours after the first, and its 24-hour reminder due at the first "restart" below.
    const [goneSlot] = await freeSlots(p, new Date(soon.start.getTime() + 2 * DAY), 1);
    const gone = await confirmedVisit(p, pat.accessToken, goneSlot!);
    expect(gone.start.getTime() - DAY).toBeGreaterThan(soon.start.getTime());
    for (const v of [soon, gone]) await eventually(async () => ((await pendingReminders(v.id)).length === 2 ? true : undefined));

    // "Restart" 40 minutes before the first visit: both its reminders are overdue; only the nearer (1 h) one is worth sending.
    await remindAt(soon.start.getTime() - 40 * 60_000);
    const sent = await remindersSentFor(soon.id);
    expect(sent).toHaveLength(1);
    const states = await store.db.select().from(reminders).where(eq(reminders.appointmentId, soon.id)).orderBy(reminders.offsetMinutes);
    expect(states.map((r) => [r.offsetMinutes, r.status])).toEqual([
      [60, 'SENT'],
      [1440, 'DROPPED'],
    ]);
    expect(states[1]?.note).toMatch(/superseded/);
    await remindAt(soon.start.getTime() - 30 * 60_000);
    expect(await remindersSentFor(soon.id)).toHaveLength(1);

    // "Restart" after the second visit began: nothing is sent, both are dropped with a reason.
    await remindAt(gone.start.getTime() + 10 * 60_000);
    expect(await remindersSentFor(gone.id)).toHaveLength(0);
    const dropped = await store.db.select().from(reminders).where(eq(reminders.appointmentId, gone.id));
    expect(dropped.map((r) => r.status)).toEqual(['DROPPED', 'DROPPED']);
    expect(dropped.every((r) => r.note === 'visit already started')).toBe(true);
    expect((await noticesTo(pat.user.email!)).filter((m) => /remind/i.test(m.subject))).toHaveLength(0);
  }, 90_000);
  it('a confirmed visit shows its planned reminders to the patient, the doctor and staff; what became of them follows', async () => {
    const p = await seed.practice();
    const pat = await seed.patient();
    const admin = await accountWithRole('ADMIN', c);
    const REMINDERS = 'query($id: ID!) { appointment(id: $id) { reminders { dueAt offsetMinutes channels status note } } }';
    type Seen = { dueAt: string; offsetMinutes: number; channels: string[]; status: string; note: string | null }[];
    const remindersAs = async (token: string, id: string) => {
      const result = await c.call<{ appointment: { reminders: Seen } }>(REMINDERS, { id }, { token });
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.appointment.reminders;
    };

    // Past the clocks of the tests above (their visits are at most ~32 days ahead).
    const { id, slot } = await bookSlot(p, pat.accessToken, 40);
    const start = new Date(slot.start);
    expect(await remindersAs(pat.accessToken, id)).toEqual([]);
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id }, { token: p.doctor.accessToken });

    const planned = [
      { dueAt: new Date(start.getTime() - DAY).toISOString(), offsetMinutes: 1440, channels: ['EMAIL', 'IN_APP'], status: 'PLANNED', note: null },
      { dueAt: new Date(start.getTime() - HOUR).toISOString(), offsetMinutes: 60, channels: ['EMAIL', 'IN_APP'], status: 'PLANNED', note: null },
    ];
    const sorted = (seen: Seen) => seen.map((r) => ({ ...r, channels: [...r.channels].sort() }));
    await eventually(async () => ((await remindersAs(pat.accessToken, id)).length === 2 ? true : undefined));
    expect(sorted(await remindersAs(pat.accessToken, id))).toEqual(planned);
    expect(sorted(await remindersAs(p.doctor.accessToken, id))).toEqual(planned);
    expect(sorted(await remindersAs(p.staff.accessToken, id))).toEqual(planned);

    // An admin reads the schedule, not the reminders: an empty list, the rest of the answer intact.
    const schedule = await c.call<{ doctor: { schedule: { id: string; reminders: unknown[] }[] } }>(
      'query($d: ID!, $f: DateTime!, $t: DateTime!) { doctor(id: $d) { schedule(from: $f, to: $t) { id reminders { status } } } }',
      { d: p.doctorId, f: new Date(start.getTime() - HOUR).toISOString(), t: new Date(start.getTime() + HOUR).toISOString() },
      { token: admin.accessToken },
    );
    expect(schedule.errors).toBeUndefined();
    expect(schedule.data?.doctor.schedule).toEqual([{ id, reminders: [] }]);

    // The delivery log has nothing for a reminder not yet due; it says planned ones are under Appointment.reminders.
    const log = await c.call<{ notificationDeliveries: { type: string }[] }>(
      'query($u: ID!) { notificationDeliveries(userId: $u) { type } }',
      { u: pat.user.id },
      { token: admin.accessToken },
    );
    expect(log.data?.notificationDeliveries.map((d) => d.type)).not.toContain('APPOINTMENT_REMINDER');

    // The patient switches email off: the reminders still planned follow.
    await c.call('mutation { setNotificationPreferences(input: { email: false }) { email } }', {}, { token: pat.accessToken });
    expect((await remindersAs(pat.accessToken, id)).map((r) => r.channels)).toEqual([['IN_APP'], ['IN_APP']]);

    // A day before: the 24-hour reminder goes out and reads SENT, with where it went.
    await remindAt(start.getTime() - 23 * HOUR);
    const [dayBefore, hourBefore] = await remindersAs(pat.accessToken, id);
    expect(dayBefore).toMatchObject({ offsetMinutes: 1440, status: 'SENT', channels: ['IN_APP'] });
    expect(hourBefore).toMatchObject({ offsetMinutes: 60, status: 'PLANNED' });

    // Cancelled: the 1-hour reminder is DROPPED, with the reason.
    await c.call('mutation($id: ID!) { cancelAppointment(id: $id, reason: "Travel") { id } }', { id }, { token: p.doctor.accessToken });
    await eventually(async () => ((await remindersAs(pat.accessToken, id))[1]?.status === 'DROPPED' ? true : undefined));
    expect((await remindersAs(pat.accessToken, id))[1]).toMatchObject({ status: 'DROPPED', channels: [], note: 'appointment cancelled' });
  }, 90_000);
});
