export { loadAppointmentsConfig, type AppointmentsConfig } from './config.ts';
export { startAppointments } from './service.ts';
