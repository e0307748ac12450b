import { loadConfig, serviceEnv, z, type Env } from '@medappt/platform';

export const appointmentsEnv = serviceEnv.extend({
  PORT: serviceEnv.shape.PORT.default(4004),
  /** Patients may not cancel or move a confirmed visit this close to its start (staff may, with a reason). */
  PATIENT_CUTOFF_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(24 * 60),
});
export type AppointmentsConfig = z.infer<typeof appointmentsEnv>;

export function loadAppointmentsConfig(env?: Env): AppointmentsConfig {
  return loadConfig('appointments', appointmentsEnv, env);
}
