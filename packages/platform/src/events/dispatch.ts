import type { z } from 'zod';
import { payloadSchemasV1, type CatalogueEventType, type PayloadOf } from './catalog.ts';
import { parsePayloadV1, type EventEnvelope } from './envelope.ts';

export type EventHandlers = { [T in CatalogueEventType]?: (payload: PayloadOf<T>, event: EventEnvelope) => Promise<unknown> };

/**
 * Calls the handler for the event's type with its payload checked against the catalogue
 * (a bad payload is poison). Returns false when the consumer has no handler for the type.
 */
export async function dispatchEvent(event: EventEnvelope, handlers: EventHandlers): Promise<boolean> {
  const type = event.type as CatalogueEventType;
  const handler = handlers[type] as ((payload: unknown, event: EventEnvelope) => Promise<unknown>) | undefined;
  if (!handler || !(type in payloadSchemasV1)) return false;
  await handler(parsePayloadV1(event, payloadSchemasV1[type] as z.ZodType<unknown>), event);
  return true;
}

/** One handler for several event types that share a payload (e.g. every `appointment.*` transition). */
export function handleAll<T extends CatalogueEventType>(
  types: readonly T[],
  handler: (payload: PayloadOf<T>, event: EventEnvelope) => Promise<unknown>,
): EventHandlers {
  return Object.fromEntries(types.map((type) => [type, handler])) as EventHandlers;
}
