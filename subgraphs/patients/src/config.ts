import { loadConfig, serviceEnv, type Env, type z } from '@medappt/platform';

export const patientsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4003),
});
export type PatientsConfig = z.infer<typeof patientsEnv>;

export function loadPatientsConfig(env?: Env): PatientsConfig {
  return loadConfig('patients', patientsEnv, env, (raw) =>
    raw['KAFKA_BROKERS'] ? [] : [{ variable: 'KAFKA_BROKERS', message: 'is required: the care relation that guards medical records comes from appointment events' }],
  );
}
