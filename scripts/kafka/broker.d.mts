// Types for broker.mjs (TypeScript picks this file up for `import ... from './broker.mjs'`).

export interface StartKafkaBrokerOptions {
  /** Client port on 127.0.0.1. Omitted/0: a free port is picked (and a temp data dir, see dataDir). */
  port?: number;
  /** KRaft controller port. Default: a free port if `port` was picked, else port + 1000. */
  controllerPort?: number;
  /**
   * Broker state directory. Default: a fresh temp dir removed by stop() when the port was picked,
   * else `<repo>/.cache/kafka/data-<port>` (kept between runs).
   */
  dataDir?: string;
  /** true: echo the start script's output to stderr; a function receives each line. Default: quiet. */
  log?: boolean | ((line: string) => void);
  /** Time allowed to become ready, including a first Maven resolve. Default 120000 (or KAFKA_START_TIMEOUT_MS). */
  timeoutMs?: number;
  /** Extra kafka.Kafka arguments, e.g. ['--override', 'log.retention.ms=60000']. */
  args?: string[];
}

export interface KafkaBroker {
  /** Bootstrap servers, e.g. ['127.0.0.1:9092']. */
  brokers: string[];
  /** SIGTERM, wait for exit (SIGKILL after 15 s), remove a temp data dir. Idempotent. */
  stop: () => Promise<void>;
  /** The broker's process id (the start script execs java, keeping its pid). */
  pid: number;
  port: number;
  controllerPort: number;
  dataDir: string;
  /** The broker's own log, the place to look when something misbehaves. */
  logFile: string;
}

export type KafkaBrokerErrorCode = 'KAFKA_JAVA_NOT_FOUND' | 'KAFKA_JARS_UNAVAILABLE' | 'KAFKA_START_TIMEOUT' | 'KAFKA_START_FAILED';

/** Thrown by startKafkaBroker; the message includes the tail of the start output and server.log. */
export interface KafkaBrokerError extends Error {
  code: KafkaBrokerErrorCode;
  /** Exit code of the start script when it exited (3: no java, 4: jars could not be resolved). */
  exitCode: number | null;
}

export const START_SCRIPT: string;

/** Starts scripts/kafka/start and resolves once the broker serves clients. */
export function startKafkaBroker(options?: StartKafkaBrokerOptions): Promise<KafkaBroker>;

export type EnsuredKafkaBroker = (KafkaBroker & { external: false }) | { brokers: string[]; stop: () => Promise<void>; pid: null; external: true };

/** The cluster in KAFKA_BROKERS (comma-separated host:port) when set, else startKafkaBroker(options). */
export function ensureKafkaBroker(options?: StartKafkaBrokerOptions): Promise<EnsuredKafkaBroker>;

/** A TCP port that is free on 127.0.0.1 right now. */
export function findFreePort(): Promise<number>;
