import { loadConfig, serviceEnv, type Env, type z } from '@medappt/platform';

export const patientsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4003),
});
export type PatientsConfig = z.infer<typeof patientsEnv>;

export function loadPatientsConfig(env?: Env): PatientsConfig {
  return loadConfig('patients', patientsEnv, env);
}
