import { runService } from '@medappt/platform';
import { loadUsersConfig } from './config.ts';
import { startUsers } from './service.ts';

await runService('users', () => loadUsersConfig(), startUsers);
