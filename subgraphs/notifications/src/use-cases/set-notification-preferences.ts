import { rejectProblems, requireViewer } from '@medappt/platform';
import type { NotificationsContext } from '../context.ts';
import { validatePreferences, type EffectivePreferences, type PreferencesInput } from '../domain/preference-rules.ts';
import { preferencesOf, savePreferences } from '../repository/preferences.ts';

/** Changes what the input names, leaving the rest; the signed-in user's own preferences only. */
export async function setNotificationPreferences(ctx: NotificationsContext, input: PreferencesInput): Promise<EffectivePreferences> {
  const { userId } = requireViewer(ctx.auth);
  return ctx.db.transaction(async (tx) => {
    const current = await preferencesOf(tx, userId);
    const { update, problems } = validatePreferences(input, { smsNumber: current.smsNumber });
    rejectProblems(problems, 'input');
    const next: EffectivePreferences = { ...current, ...update };
    // Clearing the number switches SMS off rather than leaving a channel that cannot deliver.
    if (next.sms && !next.smsNumber) next.sms = false;
    return savePreferences(tx, next);
  });
}
