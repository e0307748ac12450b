import { requireViewer } from '@medappt/platform';
import type { NotificationsContext } from './context.ts';
import type { PreferencesRow } from './db/schema.ts';
import type { NotificationType } from './domain/notification-types.ts';
import { validatePreferences, type PreferencesInput } from './domain/preferences.ts';
import type { QuietHours } from './domain/quiet-hours.ts';
import type { NotificationsDbOrTx } from './repository/db.ts';
import { findPreferences, upsertPreferences } from './repository/preferences.ts';

export interface EffectivePreferences {
  userId: string;
  locale: string;
  email: boolean;
  sms: boolean;
  smsNumber: string | null;
  optOut: NotificationType[];
  quietHours: QuietHours | null;
}

/** What a user without a row gets: email and the inbox, in English, at any hour. */
export function defaultPreferences(userId: string): EffectivePreferences {
  return { userId, locale: 'en', email: true, sms: false, smsNumber: null, optOut: [], quietHours: null };
}

function fromRow(row: PreferencesRow): EffectivePreferences {
  return {
    userId: row.userId,
    locale: row.locale,
    email: row.email,
    sms: row.sms,
    smsNumber: row.smsNumber,
    optOut: row.optOut as NotificationType[],
    quietHours: row.quietStart && row.quietEnd && row.quietTimeZone ? { start: row.quietStart, end: row.quietEnd, timeZone: row.quietTimeZone } : null,
  };
}

export async function preferencesOf(db: NotificationsDbOrTx, userId: string): Promise<EffectivePreferences> {
  const row = await findPreferences(db, userId);
  return row ? fromRow(row) : defaultPreferences(userId);
}

export async function myPreferences(ctx: NotificationsContext): Promise<EffectivePreferences> {
  return preferencesOf(ctx.db, requireViewer(ctx.auth).userId);
}

export async function setMyPreferences(ctx: NotificationsContext, input: PreferencesInput): Promise<EffectivePreferences> {
  const { userId } = requireViewer(ctx.auth);
  return ctx.db.transaction(async (tx) => {
    const current = await preferencesOf(tx, userId);
    const change = validatePreferences(input, { smsNumber: current.smsNumber });
    // validatePreferences returns only the keys the input changes.
    const next: EffectivePreferences = { ...current, ...change };
    // Clearing the number switches SMS off rather than leaving a channel that cannot deliver.
    if (next.sms && !next.smsNumber) next.sms = false;
    const saved = await upsertPreferences(tx, {
      userId,
      locale: next.locale,
      email: next.email,
      sms: next.sms,
      smsNumber: next.smsNumber,
      optOut: next.optOut,
      quietStart: next.quietHours?.start ?? null,
      quietEnd: next.quietHours?.end ?? null,
      quietTimeZone: next.quietHours?.timeZone ?? null,
    });
    return fromRow(saved);
  });
}
