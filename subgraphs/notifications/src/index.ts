import { runService } from '@medappt/platform';
import { loadNotificationsConfig } from './config.ts';
import { startNotifications } from './service.ts';

await runService('notifications', () => loadNotificationsConfig(), startNotifications);
