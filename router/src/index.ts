import { runService } from '@medappt/platform';
import { loadRouterConfig } from './config.ts';
import { startRouter } from './router.ts';

await runService('router', () => loadRouterConfig(), startRouter);
