import { runService } from '@medappt/platform';
import { loadFeedbackConfig } from './config.ts';
import { startFeedback } from './service.ts';

await runService('feedback', () => loadFeedbackConfig(), startFeedback);
