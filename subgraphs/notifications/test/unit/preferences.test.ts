import { describe, expect, it } from 'vitest';
import { problemOf } from './problem.ts';
import type { NotificationType } from '../../src/domain/notification-types.ts';
import type { ChannelPreferences, PreferencesInput, PreferencesUpdate } from '../../src/domain/preference-rules.ts';
import { channelsFor, validatePreferences } from '../../src/domain/preference-rules.ts';

const noNumber = { smsNumber: null };
const withNumber = { smsNumber: '+4915112345678' };

describe('validatePreferences', () => {
  it.each<[string, PreferencesInput, { smsNumber: string | null }, PreferencesUpdate]>([
    ['nothing to change', {}, noNumber, {}],
    ['nulls leave settings as they are', { locale: null, email: null, sms: null, optOut: null }, noNumber, {}],
    ['a language', { locale: 'de' }, noNumber, { locale: 'de' }],
    ['a language with a region', { locale: 'de-AT' }, noNumber, { locale: 'de-AT' }],
    ['a three-letter language', { locale: 'gsw' }, noNumber, { locale: 'gsw' }],
    ['email off', { email: false }, noNumber, { email: false }],
    ['a number', { smsNumber: '+4915112345678' }, noNumber, { smsNumber: '+4915112345678' }],
    ['a number as people type it', { smsNumber: '+49 (151) 123-45678' }, noNumber, { smsNumber: '+4915112345678' }],
    ['null clears the number', { smsNumber: null }, withNumber, { smsNumber: null }],
    ['an empty string clears the number', { smsNumber: '' }, withNumber, { smsNumber: null }],
    ['sms on with a new number', { sms: true, smsNumber: '+12025550123' }, noNumber, { sms: true, smsNumber: '+12025550123' }],
    ['sms on with the saved number', { sms: true }, withNumber, { sms: true }],
    ['sms off without a number', { sms: false, smsNumber: null }, withNumber, { sms: false, smsNumber: null }],
    [
      'opt-outs, repeats once',
      { optOut: ['APPOINTMENT_REMINDER', 'BOOKING_RECEIVED', 'APPOINTMENT_REMINDER'] },
      noNumber,
      { optOut: ['APPOINTMENT_REMINDER', 'BOOKING_RECEIVED'] },
    ],
    ['no opt-outs', { optOut: [] }, noNumber, { optOut: [] }],
    [
      'quiet hours',
      { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } },
      noNumber,
      { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' } },
    ],
    ['null clears quiet hours', { quietHours: null }, noNumber, { quietHours: null }],
  ])('%s', (_what, input, current, expected) => {
    expect(validatePreferences(input, current)).toEqual({ update: expected, problems: [] });
  });

  it.each<[string, PreferencesInput, { smsNumber: string | null }, string, string]>([
    ['an upper-case language', { locale: 'DE' }, noNumber, 'input.locale', 'must be a language tag like en or de-AT, got "DE"'],
    ['an underscore locale', { locale: 'de_AT' }, noNumber, 'input.locale', 'must be a language tag like en or de-AT, got "de_AT"'],
    [
      'a number without a country code',
      { smsNumber: '015112345678' },
      noNumber,
      'input.smsNumber',
      'must be a phone number in international format like +4915112345678, got "015112345678"',
    ],
    [
      'a number too short',
      { smsNumber: '+491234' },
      noNumber,
      'input.smsNumber',
      'must be a phone number in international format like +4915112345678, got "+491234"',
    ],
    [
      'a number with letters',
      { smsNumber: '+49151CALLME' },
      noNumber,
      'input.smsNumber',
      'must be a phone number in international format like +4915112345678, got "+49151CALLME"',
    ],
    ['sms on without any number', { sms: true }, noNumber, 'input.sms', 'needs a phone number: set input.smsNumber too (like +4915112345678)'],
    [
      'sms on while clearing the number',
      { sms: true, smsNumber: '' },
      withNumber,
      'input.sms',
      'needs a phone number: set input.smsNumber too (like +4915112345678)',
    ],
    [
      'an unknown type to opt out of',
      { optOut: ['APPOINTMENT_REMINDER', 'NEWSLETTER'] },
      noNumber,
      'input.optOut[1]',
      'must be one of BOOKING_RECEIVED, APPOINTMENT_REQUEST, APPOINTMENT_CONFIRMED, APPOINTMENT_DECLINED, APPOINTMENT_CANCELLED, APPOINTMENT_RESCHEDULED, APPOINTMENT_REMINDER, WAITLIST_OFFER, FEEDBACK_INVITE, INVOICE_ISSUED, PAYMENT_RECORDED, PAYMENT_REFUNDED, INVOICE_PAID, INVOICE_VOIDED, got "NEWSLETTER"',
    ],
    [
      'bad quiet hours',
      { quietHours: { start: '22:00', end: '07:00', timeZone: 'Berlin' } },
      noNumber,
      'input.quietHours.timeZone',
      'must be an IANA time zone like Europe/Berlin, got "Berlin"',
    ],
    ['a NUL in the language', { locale: 'de\u0000' }, noNumber, 'input.locale', 'must not contain control characters (found U+0000)'],
    ['a line break in the number', { smsNumber: '+49151\n12345678' }, noNumber, 'input.smsNumber', 'must be a single line (no line breaks)'],
    ['a NUL in the number', { smsNumber: '+4915112345678\u0000' }, noNumber, 'input.smsNumber', 'must not contain control characters (found U+0000)'],
    [
      'a NUL in the quiet-hours zone',
      { quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Berlin\u0000' } },
      noNumber,
      'input.quietHours.timeZone',
      'must not contain control characters (found U+0000)',
    ],
    [
      'an over-long quiet-hours start',
      { quietHours: { start: 'x'.repeat(201), end: '07:00', timeZone: 'Europe/Berlin' } },
      noNumber,
      'input.quietHours.start',
      'must be at most 200 characters',
    ],
  ])('rejects %s', (_what, input, current, field, message) => {
    expect(problemOf(validatePreferences(input, current).problems, 'input')).toEqual({ code: 'BAD_USER_INPUT', field, message: `${field}: ${message}` });
  });
});

describe('channelsFor', () => {
  const prefs = (overrides: Partial<ChannelPreferences> = {}): ChannelPreferences => ({ email: true, sms: false, smsNumber: null, optOut: [], ...overrides });
  it.each<[string, NotificationType, ChannelPreferences, boolean, string[]]>([
    ['email on, has an address', 'APPOINTMENT_CONFIRMED', prefs(), true, ['IN_APP', 'EMAIL']],
    ['email on, no address', 'APPOINTMENT_CONFIRMED', prefs(), false, ['IN_APP']],
    ['email off', 'APPOINTMENT_CONFIRMED', prefs({ email: false }), true, ['IN_APP']],
    ['sms on with a number', 'APPOINTMENT_REMINDER', prefs({ sms: true, smsNumber: '+4915112345678' }), true, ['IN_APP', 'EMAIL', 'SMS']],
    ['sms on, number since cleared', 'APPOINTMENT_REMINDER', prefs({ sms: true, smsNumber: null }), true, ['IN_APP', 'EMAIL']],
    ['a number but sms off', 'APPOINTMENT_REMINDER', prefs({ smsNumber: '+4915112345678' }), true, ['IN_APP', 'EMAIL']],
    [
      'opted out: nothing, not even the inbox',
      'APPOINTMENT_REMINDER',
      prefs({ sms: true, smsNumber: '+4915112345678', optOut: ['APPOINTMENT_REMINDER'] }),
      true,
      [],
    ],
    ['opted out of another type', 'APPOINTMENT_CANCELLED', prefs({ optOut: ['APPOINTMENT_REMINDER'] }), true, ['IN_APP', 'EMAIL']],
  ])('%s', (_what, type, preferences, hasEmailAddress, expected) => {
    expect(channelsFor(type, preferences, hasEmailAddress)).toEqual(expected);
  });
});

describe('validatePreferences: every problem at once', () => {
  it('lists each bad field once, in the order of the form, so a client can mark them all', () => {
    const { problems } = validatePreferences(
      {
        locale: 'DE',
        smsNumber: '0151',
        sms: true,
        optOut: ['NEWSLETTER', 'APPOINTMENT_REMINDER', 'DIGEST'],
        quietHours: { start: '7:00', end: '7:00', timeZone: 'Berlin' },
      },
      noNumber,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'locale',
      'smsNumber',
      'optOut[0]',
      'optOut[2]',
      'quietHours.start',
      'quietHours.end',
      'quietHours.timeZone',
    ]);
  });
});
