import { shippedTemplates } from './adapters/template-files.ts';
import type { Templates } from './domain/templates.ts';
import { remindDue as remindDueWith, type ReminderWorkerDeps } from './workers/reminder-worker.ts';

export { loadNotificationsConfig, type NotificationsConfig } from './config.ts';
export { startNotifications } from './service.ts';
export * as notificationsSchema from './db/schema.ts';

/** One pass of the reminder worker on a clock of the caller's (tests move it), with the shipped templates unless given others. */
export const remindDue = (deps: Omit<ReminderWorkerDeps, 'templates'> & { templates?: Templates }): Promise<number> =>
  remindDueWith({ ...deps, templates: deps.templates ?? shippedTemplates() });
