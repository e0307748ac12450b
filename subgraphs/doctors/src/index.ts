import { runService } from '@medappt/platform';
import { loadDoctorsConfig } from './config.ts';
import { startDoctors } from './service.ts';

await runService('doctors', () => loadDoctorsConfig(), startDoctors);
