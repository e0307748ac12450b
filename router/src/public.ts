export { loadRouterConfig, type RouterConfig } from './config.ts';
export { startRouter, type RunningRouter } from './router.ts';
