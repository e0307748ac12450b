import { loadConfig, serviceEnv, type Env, type z } from '@medappt/platform';

export const doctorsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4002),
  // Required here rather than at start-up so a missing value is reported with every other bad variable.
  USERS_JWKS_URL: serviceEnv.shape.USERS_JWKS_URL.unwrap(),
});

export type DoctorsConfig = z.infer<typeof doctorsEnv>;

export function loadDoctorsConfig(env?: Env): DoctorsConfig {
  return loadConfig('doctors', doctorsEnv, env);
}
