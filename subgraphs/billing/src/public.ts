export { loadBillingConfig, type BillingConfig } from './config.ts';
export { startBilling } from './service.ts';
