import type { LevelWithSilent } from 'pino';
import { ConfigError } from './config.ts';
import { createLogger, type Logger } from './logger.ts';

/**
 * Stops the process cleanly on SIGINT/SIGTERM: `stop` closes servers, pools and child
 * processes (Postgres, Kafka); if it hangs past the timeout the process exits anyway.
 */
export function exitOnSignals(logger: Logger, timeoutMs: number, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, 'shutdown timed out; exiting');
      process.exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => {
        logger.info('stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

/**
 * A service's `main`: load config (a ConfigError prints its list and exits 2), start, and stop
 * cleanly on SIGINT/SIGTERM.
 */
export async function runService<C extends { LOG_LEVEL: LevelWithSilent; SHUTDOWN_TIMEOUT_MS: number }>(
  name: string,
  loadConfig: () => C,
  start: (config: C) => Promise<{ stop(): Promise<void> }>,
  logFields: Record<string, unknown> = {},
): Promise<void> {
  let config: C;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const logger = createLogger(name, config.LOG_LEVEL, logFields);
  try {
    const service = await start(config);
    exitOnSignals(logger, config.SHUTDOWN_TIMEOUT_MS, service.stop);
  } catch (error) {
    logger.fatal({ err: error }, `${name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
