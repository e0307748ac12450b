export { loadDoctorsConfig, type DoctorsConfig } from './config.ts';
export { startDoctors } from './service.ts';
