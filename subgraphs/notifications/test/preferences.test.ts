import { describe, expect, it } from 'vitest';
import { adminSession, errorCodes, eventually, refuseNextEmails, waitForEmail, seed } from '@medappt/testkit';
import { bookSlot, c, inboxOf, isNotice, noticesTo } from './fixtures.ts';

const SET_PREFS =
  'mutation($i: NotificationPreferencesInput!) { setNotificationPreferences(input: $i) { locale email sms smsNumber optOut quietHours { start end timeZone } } }';

async function bookOne(daysAhead: number) {
  const p = await seed.clinic({ timeZone: 'Europe/Berlin' }).service().doctor().hours();
  const pat = await seed.patient();
  return { p, pat, book: () => bookSlot(p, pat.accessToken, daysAhead) };
}

const inbox = async (token: string) => (await inboxOf(token)).notifications;

describe('notification preferences', () => {
  it('German locale: the email is in German with the clinic’s local time', async () => {
    const { pat, book: bookIt } = await bookOne(50);
    const set = await c.call(SET_PREFS, { i: { locale: 'de-AT' } }, { token: pat.accessToken });
    expect(set.errors).toBeUndefined();
    const { slot } = await bookIt();
    const email = await waitForEmail(pat.user.email!, isNotice);
    expect(email.text).toContain('Guten Tag');
    expect(email.text).toContain(slot.localStart.slice(11, 16));
    const weekday = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', weekday: 'long' }).format(new Date(slot.start));
    expect(email.text).toContain(weekday);
  }, 60_000);

  it('an opted-out type reaches no channel; email off still leaves the inbox', async () => {
    const { p, pat, book: bookIt } = await bookOne(52);
    await c.call(SET_PREFS, { i: { optOut: ['BOOKING_RECEIVED'], email: false } }, { token: pat.accessToken });
    const { id } = await bookIt();
    await c.call('mutation($id: ID!) { approveAppointment(id: $id) { id } }', { id }, { token: p.doctor.accessToken });
    const items = await eventually(async () => {
      const list = await inbox(pat.accessToken);
      return list.some((n) => n.type === 'APPOINTMENT_CONFIRMED') ? list : undefined;
    });
    expect(items.map((n) => n.type)).toEqual(['APPOINTMENT_CONFIRMED']);
    expect(items[0]!.deliveries.map((d) => d.channel)).toEqual(['IN_APP']);
    expect(await noticesTo(pat.user.email!)).toHaveLength(0);
  }, 60_000);

  it('quiet hours hold email and SMS back until they end; the inbox has the message at once', async () => {
    const { pat, book: bookIt } = await bookOne(54);
    // A window covering every hour but the current one's neighbour: now is always inside it.
    const hour = new Date().getUTCHours();
    const start = `${String((hour + 23) % 24).padStart(2, '0')}:00`;
    const end = `${String((hour + 2) % 24).padStart(2, '0')}:00`;
    const set = await c.call<{ setNotificationPreferences: { sms: boolean; smsNumber: string } }>(
      SET_PREFS,
      { i: { quietHours: { start, end, timeZone: 'UTC' }, sms: true, smsNumber: '+49 151 2345 6789' } },
      { token: pat.accessToken },
    );
    expect(set.data?.setNotificationPreferences).toMatchObject({ sms: true, smsNumber: '+4915123456789' });
    await bookIt();
    const [received] = await eventually(async () => {
      const list = await inbox(pat.accessToken);
      return list.length ? list : undefined;
    });
    const held = received!.deliveries.filter((d) => d.channel !== 'IN_APP');
    expect(held.map((d) => [d.channel, d.status]).sort()).toEqual([
      ['EMAIL', 'PENDING'],
      ['SMS', 'PENDING'],
    ]);
    const endsAt = new Date(held[0]!.nextAttemptAt!);
    expect(endsAt.getUTCMinutes()).toBe(0);
    expect(endsAt.getUTCHours()).toBe((hour + 2) % 24);
    expect(await noticesTo(pat.user.email!)).toHaveLength(0);
  }, 60_000);

  it('bad input names the field and the rule', async () => {
    const pat = await seed.patient();
    const cases: [Record<string, unknown>, string][] = [
      [{ locale: 'english' }, 'input.locale'],
      [{ smsNumber: '12345' }, 'input.smsNumber'],
      [{ sms: true }, 'input.sms'],
      [{ quietHours: { start: '25:00', end: '07:00', timeZone: 'UTC' } }, 'input.quietHours.start'],
      [{ quietHours: { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' } }, 'input.quietHours.timeZone'],
    ];
    for (const [input, field] of cases) {
      const result = await c.call(SET_PREFS, { i: input }, { token: pat.accessToken });
      expect(errorCodes(result), field).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field'], JSON.stringify(result.errors)).toBe(field);
    }
    const unchanged = await c.call<{ notificationPreferences: unknown }>(
      '{ notificationPreferences { locale email sms smsNumber optOut quietHours { start } } }',
      {},
      { token: pat.accessToken },
    );
    expect(unchanged.data?.notificationPreferences).toEqual({ locale: 'en', email: true, sms: false, smsNumber: null, optOut: [], quietHours: null });
  });
});

describe('delivery log and retries', () => {
  it('a refused email is retried with backoff and then delivered; the log shows the attempts (ADMIN only)', async () => {
    const { pat, book: bookIt } = await bookOne(56);
    await refuseNextEmails(pat.user.email!, 2);
    await bookIt();
    const email = await waitForEmail(pat.user.email!, isNotice, 20_000);
    expect(email.subject).toMatch(/received/);

    const admin = await adminSession(c);
    const LOG = 'query($u: ID) { notificationDeliveries(userId: $u) { channel status attempts lastError provider type } }';
    const log = await eventually(async () => {
      const rows = (
        await c.call<{ notificationDeliveries: { channel: string; status: string; attempts: number; provider: string }[] }>(
          LOG,
          { u: pat.user.id },
          { token: admin.accessToken },
        )
      ).data?.notificationDeliveries;
      return rows?.find((r) => r.channel === 'EMAIL' && r.status === 'SENT') ? rows : undefined;
    });
    expect(log.find((r) => r.channel === 'EMAIL')).toMatchObject({ status: 'SENT', attempts: 3, provider: 'smtp', type: 'BOOKING_RECEIVED' });
    expect(errorCodes(await c.call(LOG, { u: pat.user.id }, { token: pat.accessToken }))).toEqual(['FORBIDDEN']);
  }, 60_000);
});

describe('reminder policy', () => {
  it('staff set a clinic’s reminder offsets; patients may not; bad offsets are refused by field', async () => {
    const p = await seed.practice();
    const SET = 'mutation($c: ID!, $o: [Int!]!) { setReminderPolicy(clinicId: $c, offsetsMinutes: $o) { clinicId offsetsMinutes isDefault } }';
    const before = await c.call<{ reminderPolicy: unknown }>(
      'query($c: ID!) { reminderPolicy(clinicId: $c) { offsetsMinutes isDefault } }',
      { c: p.clinicId },
      { token: p.staff.accessToken },
    );
    expect(before.data?.reminderPolicy).toEqual({ offsetsMinutes: [1440, 60], isDefault: true });
    const set = await eventually(
      async () => (await c.call<{ setReminderPolicy: unknown }>(SET, { c: p.clinicId, o: [120, 2880] }, { token: p.staff.accessToken })).data ?? undefined,
    );
    expect(set.setReminderPolicy).toEqual({ clinicId: p.clinicId, offsetsMinutes: [2880, 120], isDefault: false });
    const pat = await seed.patient();
    expect(errorCodes(await c.call(SET, { c: p.clinicId, o: [60] }, { token: pat.accessToken }))).toEqual(['FORBIDDEN']);
    const bad = await c.call(SET, { c: p.clinicId, o: [60, 1] }, { token: p.staff.accessToken });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'offsetsMinutes[1]' });
    expect(errorCodes(await c.call(SET, { c: '00000000-0000-4000-8000-000000000000', o: [60] }, { token: p.staff.accessToken }))).toEqual(['NOT_FOUND']);
  }, 60_000);
});
