import { runService } from '@medappt/platform';
import { loadBillingConfig } from './config.ts';
import { startBilling } from './service.ts';

await runService(
  'billing',
  () => loadBillingConfig(),
  (config) => startBilling(config),
);
