import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { currentRequestId } from '../logger.ts';

/** Every event on every topic travels in this envelope; `version` is the payload's schema version. */
export const envelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().min(1),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  /** The Kafka message key: events with one key (an appointment id) stay in order. */
  key: z.string().min(1),
  requestId: z.string().nullable(),
  payload: z.unknown(),
});
export type EventEnvelope<TPayload = unknown> = Omit<z.infer<typeof envelopeSchema>, 'payload'> & { payload: TPayload };

export function createEnvelope<TPayload>(event: {
  type: string;
  version?: number;
  key: string;
  payload: TPayload;
  occurredAt?: Date;
}): EventEnvelope<TPayload> {
  return {
    id: randomUUID(),
    type: event.type,
    version: event.version ?? 1,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    key: event.key,
    requestId: currentRequestId() ?? null,
    payload: event.payload,
  };
}

/** A message that can never be processed as it is (bad JSON, bad envelope, unknown version). */
export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

export function parseEnvelope(value: Buffer | string | null): EventEnvelope {
  if (value === null) throw new PoisonMessageError('message has no value');
  let json: unknown;
  try {
    json = JSON.parse(value.toString());
  } catch {
    throw new PoisonMessageError('message value is not JSON');
  }
  const result = envelopeSchema.safeParse(json);
  if (!result.success) throw new PoisonMessageError(`not an event envelope: ${z.prettifyError(result.error)}`);
  return result.data;
}

/**
 * The payload of a version-1 event, checked against its catalogue schema. Anything else can
 * never be processed as it is, so it is poison (dead-letter topic), not a retry.
 */
export function parsePayloadV1<T>(event: EventEnvelope, schema: z.ZodType<T>): T {
  if (event.version !== 1) throw new PoisonMessageError(`${event.type} version ${event.version} is not understood`);
  const result = schema.safeParse(event.payload);
  if (!result.success) throw new PoisonMessageError(`${event.type} payload: ${z.prettifyError(result.error)}`);
  return result.data;
}
