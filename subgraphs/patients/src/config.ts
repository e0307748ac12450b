import { loadConfig, serviceEnv, z, type Env } from '@medappt/platform';
import { DEFAULT_CARE_ACCESS_DAYS } from './domain/care-relation.ts';

export const patientsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4003),
  /** A doctor reads a patient's record until this many days after the end of their last visit (docs/adr/011). */
  CARE_ACCESS_DAYS: z.coerce.number().int().min(0).max(3650).default(DEFAULT_CARE_ACCESS_DAYS),
});
export type PatientsConfig = z.infer<typeof patientsEnv>;

export function loadPatientsConfig(env?: Env): PatientsConfig {
  return loadConfig('patients', patientsEnv, env);
}
