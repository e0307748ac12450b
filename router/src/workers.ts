import cluster, { type Worker } from 'node:cluster';
import { createLogger, runService } from '@medappt/platform';
import { loadRouterConfig, type RouterConfig } from './config.ts';

/** What every log line of this process says about which router process wrote it. */
export function workerLogFields(): Record<string, unknown> {
  return cluster.isWorker && cluster.worker ? { worker: cluster.worker.id, pid: process.pid } : {};
}

const READY = 'router-worker-ready';
/** A replacement that dies before it is ready is tried again after this long, not in a hot loop. */
const RETRY_MS = 5_000;

/**
 * The router's entry point. ROUTER_WORKERS=1: this process is the router, as it always was.
 * More: this process is only the primary of a node:cluster, forking that many workers that share
 * the port (the primary accepts and hands each connection to one worker in turn). Each worker is a
 * whole router: its own gateway, sockets to the subgraphs, subscription sockets and consumer groups
 * (random per instance: every worker sees every event for its own subscribers), its own /readyz.
 */
export async function runRouter(): Promise<void> {
  const startRouter = async (config: RouterConfig) => (await import('./router.ts')).startRouter(config);
  if (cluster.isWorker) {
    return runService(
      'router',
      () => loadRouterConfig(),
      async (config) => {
        const router = await startRouter(config);
        process.send?.({ type: READY });
        return router;
      },
      workerLogFields(),
    );
  }
  const config = loadRouterConfig();
  if (config.ROUTER_WORKERS === 1) return runService('router', () => config, startRouter);
  // The workers' own shutdown timeout fires first; the primary waits a little longer for them.
  return runService('router', () => ({ ...config, SHUTDOWN_TIMEOUT_MS: config.SHUTDOWN_TIMEOUT_MS + 2_000 }), startPrimary, { worker: 'primary' });
}

async function startPrimary(config: RouterConfig): Promise<{ stop(): Promise<void> }> {
  const logger = createLogger('router', config.LOG_LEVEL, { worker: 'primary' });
  let stopping = false;
  const ready = new Set<Worker>();

  const fork = (): Promise<Worker> => {
    const worker = cluster.fork();
    return new Promise((resolve, reject) => {
      worker.on('message', (message: { type?: string }) => {
        if (message?.type !== READY) return;
        ready.add(worker);
        resolve(worker);
      });
      worker.once('exit', (code, signal) => {
        const wasReady = ready.delete(worker);
        if (stopping) return;
        if (!wasReady) return reject(new Error(`router worker ${worker.id} exited (${signal ?? code}) before it was ready`));
        logger.error({ exited: worker.id, code, signal }, 'router worker died: starting another');
        replace();
      });
    });
  };

  const replace = (): void => {
    if (stopping) return;
    fork().catch((error: unknown) => {
      logger.error({ err: error, retryInMs: RETRY_MS }, 'router worker failed to start');
      setTimeout(replace, RETRY_MS).unref();
    });
  };

  const workers = await Promise.allSettled(Array.from({ length: config.ROUTER_WORKERS }, fork));
  const failed = workers.find((w): w is PromiseRejectedResult => w.status === 'rejected');
  if (failed) {
    stopping = true;
    await stopAll();
    throw failed.reason;
  }
  logger.info({ workers: config.ROUTER_WORKERS, port: config.PORT }, 'router workers ready');
  return {
    stop: async () => {
      stopping = true;
      const codes = await stopAll();
      const unclean = codes.filter((c) => c !== 0);
      if (unclean.length > 0) throw new Error(`router workers stopped uncleanly: ${unclean.join(', ')}`);
    },
  };
}

/** SIGTERM to every worker: each stops as a single router does (sockets closed 1001, consumer groups left). */
async function stopAll(): Promise<(number | string)[]> {
  const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
  return Promise.all(
    live.map(
      (worker) =>
        new Promise<number | string>((resolve) => {
          worker.once('exit', (code, signal) => resolve(signal ?? code));
          worker.process.kill('SIGTERM');
        }),
    ),
  );
}
