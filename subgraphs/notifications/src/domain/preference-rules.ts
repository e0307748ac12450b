import { cleanText, fieldPath, problem, textProblem, type Problem } from '@medappt/platform/domain';
import type { Channel, NotificationType } from './notification-types.ts';
import { NotificationTypes } from './notification-types.ts';
import { validateQuietHours, type QuietHours } from './quiet-hours.ts';

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

/** Preferences as they apply: the stored ones, or the defaults for a user who never set any. */
export interface EffectivePreferences {
  userId: string;
  locale: string;
  email: boolean;
  sms: boolean;
  smsNumber: string | null;
  optOut: NotificationType[];
  quietHours: QuietHours | null;
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

/** What a user without a row gets: email and the inbox, in English, at any hour. */
export function defaultPreferences(userId: string): EffectivePreferences {
  return { userId, locale: 'en', email: true, sms: false, smsNumber: null, optOut: [], quietHours: null };
}

/**
 * The change an update makes (only the keys it changes), and what is wrong with it, fields
 * relative to the input (`optOut[1]`, `quietHours.end`); the change counts only without problems.
 */
export function validatePreferences(input: PreferencesInput, current: { smsNumber: string | null }): { update: PreferencesUpdate; problems: Problem[] } {
  const update: PreferencesUpdate = {};
  const problems: Problem[] = [];
  if (input.locale != null) {
    const message = textProblem(input.locale, 'code');
    if (message) problems.push(problem('locale', message));
    else if (!LOCALE.test(input.locale)) problems.push(problem('locale', `must be a language tag like en or de-AT, got "${input.locale}"`));
    else update.locale = input.locale;
  }
  if (input.email != null) update.email = input.email;
  let numberBroken = false;
  if (input.smsNumber !== undefined) {
    // Before the punctuation goes: it would drop a line break as "space".
    const cleaned = input.smsNumber === null ? { ok: true as const, value: '' } : cleanText(input.smsNumber, 'phone');
    const number = cleaned.ok ? cleaned.value.replace(PHONE_PUNCTUATION, '') : '';
    numberBroken = !cleaned.ok || (number !== '' && !E164.test(number));
    if (!cleaned.ok) problems.push(problem('smsNumber', cleaned.message));
    else if (numberBroken) problems.push(problem('smsNumber', `must be a phone number in international format like +4915112345678, got "${input.smsNumber}"`));
    else update.smsNumber = number || null;
  }
  if (input.sms != null) {
    const number = update.smsNumber !== undefined ? update.smsNumber : current.smsNumber;
    // A number that is itself wrong is the one problem to report, not a missing one.
    if (input.sms && !number && !numberBroken) problems.push(problem('sms', 'needs a phone number: set input.smsNumber too (like +4915112345678)'));
    update.sms = input.sms;
  }
  if (input.optOut != null) {
    input.optOut.forEach((type, index) => {
      if (!knownTypes.has(type)) problems.push(problem(`optOut[${index}]`, `must be one of ${NotificationTypes.join(', ')}, got "${type}"`));
    });
    update.optOut = [...new Set(input.optOut as readonly NotificationType[])];
  }
  if (input.quietHours) {
    const quiet = validateQuietHours(input.quietHours);
    problems.push(...quiet.map((p) => problem(fieldPath('quietHours', p.field), p.message)));
    const { start, end, timeZone } = input.quietHours;
    update.quietHours = { start, end, timeZone };
  } else if (input.quietHours === null) update.quietHours = null;
  return { update, problems };
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
