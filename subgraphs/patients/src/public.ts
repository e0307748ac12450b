export { loadPatientsConfig, type PatientsConfig } from './config.ts';
export { startPatients } from './service.ts';
