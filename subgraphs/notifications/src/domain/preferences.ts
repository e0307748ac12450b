import { badUserInput, checkOptionalText } from '@medappt/platform';
import type { Channel, NotificationType } from './notification-types.ts';
import { NotificationTypes } from './notification-types.ts';
import type { QuietHours } from './quiet-hours.ts';
import { validateQuietHours } from './quiet-hours.ts';

/**
 * A recipient's notification preferences: checking an update, and the channels a message goes to.
 * An update is partial: a key that is absent (or null, for the settings that cannot be cleared)
 * stays as it is; smsNumber and quietHours are cleared by null (smsNumber also by "").
 */

export interface PreferencesInput {
  locale?: string | null;
  email?: boolean | null;
  sms?: boolean | null;
  smsNumber?: string | null;
  optOut?: readonly string[] | null;
  quietHours?: { start: string; end: string; timeZone: string } | null;
}

export interface PreferencesUpdate {
  locale?: string;
  email?: boolean;
  sms?: boolean;
  smsNumber?: string | null;
  optOut?: NotificationType[];
  quietHours?: QuietHours | null;
}

export interface ChannelPreferences {
  email: boolean;
  sms: boolean;
  smsNumber: string | null;
  optOut: readonly string[];
}

const LOCALE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const E164 = /^\+[1-9]\d{6,14}$/;
// Spaces, dashes and brackets as people type them ("+49 (151) 123-4567") are dropped before the E.164 check.
const PHONE_PUNCTUATION = /[\s\-()]/g;
const knownTypes = new Set<string>(NotificationTypes);

export function validatePreferences(input: PreferencesInput, current: { smsNumber: string | null }): PreferencesUpdate {
  const update: PreferencesUpdate = {};
  if (input.locale != null) {
    checkOptionalText('input.locale', input.locale, 'code');
    if (!LOCALE.test(input.locale)) throw badUserInput('input.locale', `must be a language tag like en or de-AT, got "${input.locale}"`);
    update.locale = input.locale;
  }
  if (input.email != null) update.email = input.email;
  if (input.smsNumber !== undefined) {
    // Before the punctuation goes: it would drop a line break as "space".
    const number = (checkOptionalText('input.smsNumber', input.smsNumber, 'phone') ?? '').replace(PHONE_PUNCTUATION, '');
    if (number !== '' && !E164.test(number)) throw badUserInput('input.smsNumber', `must be a phone number in international format like +4915112345678, got "${input.smsNumber}"`);
    update.smsNumber = number || null;
  }
  if (input.sms != null) {
    const number = update.smsNumber !== undefined ? update.smsNumber : current.smsNumber;
    if (input.sms && !number) throw badUserInput('input.sms', 'needs a phone number: set input.smsNumber too (like +4915112345678)');
    update.sms = input.sms;
  }
  if (input.optOut != null) {
    input.optOut.forEach((type, index) => {
      if (!knownTypes.has(type)) throw badUserInput(`input.optOut[${index}]`, `must be one of ${NotificationTypes.join(', ')}, got "${type}"`);
    });
    update.optOut = [...new Set(input.optOut as readonly NotificationType[])];
  }
  if (input.quietHours !== undefined) update.quietHours = input.quietHours && validateQuietHours(input.quietHours, 'input.quietHours');
  return update;
}

/**
 * An opted-out type goes nowhere, not even to the in-app inbox: opting out means "do not tell me".
 * Anything else lands in the inbox, and by email and SMS where switched on and reachable.
 */
export function channelsFor(type: NotificationType, prefs: ChannelPreferences, hasEmailAddress: boolean): Channel[] {
  if (prefs.optOut.includes(type)) return [];
  const channels: Channel[] = ['IN_APP'];
  if (prefs.email && hasEmailAddress) channels.push('EMAIL');
  if (prefs.sms && prefs.smsNumber) channels.push('SMS');
  return channels;
}
