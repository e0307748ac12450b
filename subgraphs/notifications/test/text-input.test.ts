import { describe, expect, it } from 'vitest';
import { client, errorCodes, registeredPatient } from '@medappt/testkit';

const SET_PREFS = 'mutation($i: NotificationPreferencesInput!) { setNotificationPreferences(input: $i) { locale smsNumber quietHours { timeZone } } }';
const GET_PREFS = '{ notificationPreferences { locale smsNumber quietHours { timeZone } } }';

describe('text input rules for notification preferences, through the router', () => {
  it('refuses control characters and line breaks in the preference strings, and keeps the old preferences', async () => {
    const c = client();
    const { session } = await registeredPatient();
    const token = session.accessToken;
    expect((await c.call(SET_PREFS, { i: { locale: 'de', smsNumber: '+4915112345678' } }, { token })).errors).toBeUndefined();
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ locale: 'en\u0000' }, 'input.locale', /control characters \(found U\+0000\)/],
      [{ smsNumber: '+49151\r\n12345678' }, 'input.smsNumber', /single line/],
      [{ smsNumber: '+4915112345678\u0000' }, 'input.smsNumber', /control characters/],
      [{ quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin\u0000' } }, 'input.quietHours.timeZone', /control characters/],
    ];
    for (const [input, field, message] of cases) {
      const result = await c.call(SET_PREFS, { i: input }, { token });
      expect(errorCodes(result), field).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0]?.extensions?.['field']).toBe(field);
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    const prefs = await c.call<{ notificationPreferences: unknown }>(GET_PREFS, {}, { token });
    expect(prefs.data?.notificationPreferences).toEqual({ locale: 'de', smsNumber: '+4915112345678', quietHours: null });
  });
});
