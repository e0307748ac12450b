export { loadFeedbackConfig, type FeedbackConfig } from './config.ts';
export { startFeedback } from './service.ts';
