import { runService } from '@medappt/platform';
import { loadPatientsConfig } from './config.ts';
import { startPatients } from './service.ts';

await runService('patients', () => loadPatientsConfig(), startPatients);
