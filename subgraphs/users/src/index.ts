import { ConfigError, createLogger, exitOnSignals } from '@medappt/platform';
import { loadUsersConfig } from './config.ts';
import { startUsers } from './service.ts';

try {
  const config = loadUsersConfig();
  const service = await startUsers(config);
  exitOnSignals(createLogger('users', config.LOG_LEVEL), config.SHUTDOWN_TIMEOUT_MS, service.stop);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
