export { loadNotificationsConfig, type NotificationsConfig } from './config.ts';
export { startNotifications } from './service.ts';
export { remindDue } from './workers/reminder-worker.ts';
export * as notificationsSchema from './db/schema.ts';
