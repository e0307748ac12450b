import type { EventEnvelope, Logger } from '@medappt/platform';
import type { Connection } from './connection.ts';
import type { AnyLiveField, Reading } from './fields/live-field.ts';
import type { PayloadPlan } from './payload-query.ts';

export interface Member {
  readonly connection: Connection;
  /** One result, serialised once for the group (`JSON.stringify` of the ExecutionResult). */
  send(resultJson: string): void;
  ended(): boolean;
}

/** What makes subscribers see the same payload; `key` says it in one string. */
export interface GroupSpec {
  readonly key: string;
  readonly field: AnyLiveField;
  readonly args: unknown;
  readonly plan: PayloadPlan;
  /** The subscription's variables (coerced), for the payload query. */
  readonly variables: Readonly<Record<string, unknown>>;
  readonly scope: string;
  readonly listensOn: readonly string[];
}

export interface Group extends GroupSpec {
  readonly members: Set<Member>;
  /** With `onlyWhenChanged`: a digest of the last payload sent. */
  lastSent: string | undefined;
}

type ReadingState = 'waiting' | 'running' | 'again';

/**
 * Subscribers grouped by what they would see, indexed by the keys they listen on. An event reaches
 * the groups on the keys it touches, and each group reads once for all its members. Readings of
 * the same entity coalesce: an event arriving while one waits is already served by it; one
 * arriving while it runs (it may have read too early) asks for exactly one more.
 */
export function liveGroups(options: {
  fields: readonly AnyLiveField[];
  /** The concurrency cap; undefined: the reading was dropped (its subscribers see the next one). */
  run: (task: () => Promise<void>) => Promise<void | undefined>;
  read: (group: Group, reading: Reading) => Promise<void>;
  logger: Logger;
}) {
  const groups = new Map<string, Group>();
  const byKey = new Map<string, Set<Group>>();
  const readings = new WeakMap<Group, Map<string, ReadingState>>();
  // Each field's keys are its own: `doctor:x` of one field is not `doctor:x` of another.
  const indexKey = (field: AnyLiveField, key: string) => `${field.name}\n${key}`;

  function schedule(group: Group, reading: Reading): void {
    const states = readings.get(group)!;
    const key = `${reading.entityId}\n${JSON.stringify(reading.statics)}`;
    const state = states.get(key);
    if (state === 'running') return void states.set(key, 'again');
    if (state) return;
    states.set(key, 'waiting');
    void options
      .run(async () => {
        states.set(key, 'running');
        await options.read(group, reading);
      })
      .catch((error: unknown) => options.logger.error({ err: error, field: group.field.name }, 'subscription reading failed'))
      .finally(() => {
        const again = states.get(key) === 'again';
        states.delete(key);
        if (again && group.members.size > 0) schedule(group, reading);
      });
  }

  return {
    get size() {
      return groups.size;
    },
    /** Adds a subscriber to its group; the function returned takes it out again. */
    join(spec: GroupSpec, member: Member): () => void {
      let group = groups.get(spec.key);
      if (!group) {
        const created: Group = { ...spec, members: new Set(), lastSent: undefined };
        groups.set(spec.key, created);
        readings.set(created, new Map());
        for (const key of spec.listensOn) {
          const at = indexKey(spec.field, key);
          byKey.set(at, (byKey.get(at) ?? new Set()).add(created));
        }
        group = created;
      }
      const joined = group;
      joined.members.add(member);
      return () => {
        joined.members.delete(member);
        if (joined.members.size > 0 || groups.get(joined.key) !== joined) return;
        groups.delete(joined.key);
        for (const key of joined.listensOn) {
          const at = indexKey(joined.field, key);
          const set = byKey.get(at);
          set?.delete(joined);
          if (set?.size === 0) byKey.delete(at);
        }
      };
    },
    /** One event from `topic`: each field that follows the topic says whom it reaches. */
    deliver(topic: string, envelope: EventEnvelope): void {
      for (const field of options.fields) {
        if (!field.topics.some((t) => t.name === topic)) continue;
        let event: unknown;
        try {
          event = field.eventOf(envelope);
        } catch (error) {
          // One bad message must not stop live updates; the subgraphs' own consumers dead-letter it.
          options.logger.warn({ err: error, field: field.name, type: envelope.type, eventId: envelope.id }, 'event skipped');
          continue;
        }
        if (event === null) continue;
        const reached = new Set<Group>();
        for (const key of field.touches(event)) {
          for (const group of byKey.get(indexKey(field, key)) ?? []) if (field.wants?.(group.args, event) ?? true) reached.add(group);
        }
        if (reached.size === 0) continue;
        const reading = field.readingOf(event);
        for (const group of reached) schedule(group, reading);
      }
    },
  };
}

export type LiveGroups = ReturnType<typeof liveGroups>;
