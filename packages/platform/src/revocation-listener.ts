import { randomBytes } from 'node:crypto';
import type { Consumer, Kafka } from 'kafkajs';
import { Topics } from './events/catalog.ts';
import { parseEnvelope } from './events/envelope.ts';
import { ensureTopics } from './events/topics.ts';
import { liveSignal } from './live-signal.ts';
import type { Logger } from './logger.ts';
import { applyRevocationEvent, createDenylist, type Denylist } from './revocation.ts';

export interface RevocationListener {
  readonly denylist: Denylist;
  /** True once the events of the last lookback have been read and new ones arrive as they are published. */
  readonly live: boolean;
  /** Resolves with `live` as soon as it is, or after `timeoutMs`. */
  whenLive(timeoutMs: number): Promise<boolean>;
  /** A readiness check: throws until live. */
  readiness(): Promise<true>;
  stop(): Promise<void>;
}

/** Clock skew between the users subgraph (which stamps iat and revocation times) and this one. */
export const REVOCATION_SKEW_MS = 60_000;

/**
 * Reads `users.events.v1` into an in-memory denylist (adr/012). Its consumer group is unique to
 * this process, so every instance of every service sees every revocation (a shared group would
 * split the partitions between instances). On start it seeks each partition to the first event of
 * the last `lookbackMs` (the access-token lifetime): nothing older can concern an unexpired token.
 * When the broker is down it keeps retrying in the background and logs at error level: revoked
 * tokens are accepted here until it is back (then it reads what it missed, from the same group).
 */
export function startRevocationListener(options: { kafka: Kafka; service: string; lookbackMs: number; logger: Logger }): RevocationListener {
  const { kafka, lookbackMs } = options;
  const topic = Topics.users.name;
  const groupId = `${options.service}.revocations.${randomBytes(6).toString('hex')}`;
  const log = options.logger.child({ component: 'revocation-listener', groupId });
  const denylist = createDenylist({ retentionMs: lookbackMs + REVOCATION_SKEW_MS });
  let consumer: Consumer | undefined;
  const signal = liveSignal('the revocation listener has not read users.events.v1 yet');
  let stopped = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let failures = 0;
  const becomeLive = (): void => {
    if (!signal.raise()) return;
    failures = 0;
    log.info({ entries: denylist.size }, 'revocation listener live');
  };

  const connect = async (): Promise<void> => {
    await ensureTopics(kafka, [Topics.users]);
    const admin = kafka.admin();
    await admin.connect();
    let starts: { partition: number; offset: string }[];
    let highs: { partition: number; high: string }[];
    try {
      starts = await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - lookbackMs - REVOCATION_SKEW_MS);
      highs = await admin.fetchTopicOffsets(topic);
    } finally {
      await admin.disconnect();
    }
    // Partitions with events still to read before the list is complete (their end as of now).
    const pending = new Map<number, bigint>();
    for (const { partition, high } of highs) {
      const start = starts.find((s) => s.partition === partition)?.offset ?? high;
      if (BigInt(start) < BigInt(high)) pending.set(partition, BigInt(high));
    }
    const next = kafka.consumer({ groupId, sessionTimeout: 10_000, heartbeatInterval: 1_000, maxWaitTimeInMs: 500, allowAutoTopicCreation: false });
    consumer = next;
    next.on(next.events.CRASH, ({ payload }) => {
      // kafkajs restarts by itself after retriable errors; the rest would leave us deaf.
      if (!payload.restart && !stopped) {
        signal.drop();
        log.error({ err: payload.error }, 'revocation listener crashed: revoked tokens are accepted here until it restarts');
        scheduleRetry();
      }
    });
    await next.connect();
    await next.subscribe({ topic, fromBeginning: false });
    await next.run({
      // Commits go to this process's own group: after a broker outage it resumes where it was.
      autoCommit: true,
      eachMessage: async ({ partition, message }) => {
        try {
          const recorded = applyRevocationEvent(denylist, parseEnvelope(message.value), Date.now());
          if (recorded) log.debug({ partition, offset: message.offset, recorded }, 'revocation recorded');
        } catch (error) {
          // The real consumers dead-letter bad events; here one must not stop the others.
          log.warn({ partition, offset: message.offset, err: error }, 'unreadable users event ignored by the revocation listener');
        }
        const end = pending.get(partition);
        if (end !== undefined && BigInt(message.offset) + 1n >= end) {
          pending.delete(partition);
          if (pending.size === 0) becomeLive();
        }
      },
    });
    for (const { partition, offset } of starts) next.seek({ topic, partition, offset });
    if (pending.size === 0) becomeLive();
    denylist.prune(Date.now());
  };

  const attempt = (): void => {
    if (stopped) return;
    connect().catch(async (error: unknown) => {
      failures += 1;
      log.error({ err: error, failures }, 'revocation listener cannot reach Kafka: disabled accounts and ended sessions are accepted here until it does');
      await consumer?.disconnect().catch(() => {});
      consumer = undefined;
      scheduleRetry();
    });
  };
  const scheduleRetry = (): void => {
    if (stopped || retryTimer) return;
    retryTimer = setTimeout(
      () => {
        retryTimer = undefined;
        attempt();
      },
      Math.min(10_000, 500 * 2 ** Math.min(failures, 5)),
    );
  };
  const pruneTimer = setInterval(() => denylist.prune(Date.now()), 60_000);
  pruneTimer.unref();
  attempt();

  return {
    denylist,
    get live() {
      return signal.live;
    },
    whenLive: signal.whenLive,
    readiness: signal.readiness,
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearInterval(pruneTimer);
      if (!consumer) return;
      await consumer.disconnect();
      // The group belongs to this process alone: remove it rather than leave it to expire.
      const admin = kafka.admin();
      await admin
        .connect()
        .then(() => admin.deleteGroups([groupId]))
        .catch((error: unknown) => log.debug({ err: error }, 'could not delete the revocation group'))
        .finally(() => admin.disconnect());
    },
  };
}
