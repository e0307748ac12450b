import { requireViewer } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import type { EffectivePreferences } from '../domain/preference-rules.ts';
import { preferencesOf } from '../repository/preferences.ts';

/** The signed-in user's own preferences. */
export async function getNotificationPreferences(ctx: NotificationsContext): Promise<EffectivePreferences> {
  return preferencesOf(ctx.db, requireViewer(ctx.auth).userId);
}
