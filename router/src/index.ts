import { ConfigError, createLogger, exitOnSignals } from '@medappt/platform';
import { loadRouterConfig } from './config.ts';
import { startRouter } from './router.ts';

try {
  const config = loadRouterConfig();
  const router = await startRouter(config);
  exitOnSignals(createLogger('router', config.LOG_LEVEL), config.SHUTDOWN_TIMEOUT_MS, router.stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
