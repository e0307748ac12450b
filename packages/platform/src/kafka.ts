import { Kafka, logLevel, type Admin } from 'kafkajs';
import type { Logger } from './logger.ts';

/**
 * kafkajs warnings that say nothing about this system: the v2 partitioner notice (we have only
 * ever used the v2 default, the Java-compatible murmur2 one) and the note that an idempotent producer has bounded retries
 * (ours are bounded on purpose: the relay backs off and retries whole batches itself).
 */
const NOISE = [/switched default partitioner/, /Limiting retries for the idempotent producer/];

export function createKafka(clientId: string, brokers: string[], logger: Logger): Kafka {
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3_000,
    retry: { retries: 5, initialRetryTime: 200 },
    logLevel: logLevel.WARN,
    logCreator: () => (entry) => {
      const { message, ...rest } = entry.log;
      if (NOISE.some((pattern) => pattern.test(message))) return;
      logger.warn({ kafka: rest, namespace: entry.namespace }, `kafka: ${message}`);
    },
  });
}

/** A readiness probe that keeps one admin connection and asks the cluster for its brokers. */
export function kafkaProbe(kafka: Kafka): { check: () => Promise<true>; close: () => Promise<void> } {
  let admin: Admin | undefined;
  return {
    check: async () => {
      if (!admin) {
        admin = kafka.admin();
        await admin.connect();
      }
      try {
        await admin.describeCluster();
      } catch (error) {
        await admin.disconnect().catch(() => {});
        admin = undefined;
        throw error;
      }
      return true;
    },
    close: async () => {
      await admin?.disconnect();
    },
  };
}
