import { runService } from '@medappt/platform';
import { loadAppointmentsConfig } from './config.ts';
import { startAppointments } from './service.ts';

await runService(
  'appointments',
  () => loadAppointmentsConfig(),
  (config) => startAppointments(config),
);
