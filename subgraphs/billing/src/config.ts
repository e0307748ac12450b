import { loadConfig, serviceEnv, type Env, type z } from '@medappt/platform';

export const billingEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4006),
});
export type BillingConfig = z.infer<typeof billingEnv>;

export function loadBillingConfig(env?: Env): BillingConfig {
  return loadConfig('billing', billingEnv, env);
}
