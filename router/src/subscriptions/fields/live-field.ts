import type { EventEnvelope, Viewer } from '@medappt/platform';
import type { PayloadShape } from '../payload-query.ts';

/** Why a subscription is not started: a graphql-ws `error` message with this code. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly extensions?: Readonly<Record<string, unknown>>;
}

export interface GatewayAnswer {
  readonly data?: Record<string, unknown> | null;
  readonly errors?: readonly {
    readonly message: string;
    readonly path?: readonly (string | number)[];
    readonly extensions?: Readonly<Record<string, unknown>>;
  }[];
}

/** A query through the in-process gateway, with the subscriber's token or with none. */
export type GatewayRead = (query: string, variables: Record<string, unknown>, as: 'subscriber' | 'anonymous') => Promise<GatewayAnswer>;

/** Public data: every subscriber shares one scope, and readings are made without a token. */
export const PUBLIC_SCOPE = 'public';

/** What one event asks a group of subscribers to read. */
export interface Reading {
  /** The entity the payload query reads (its id); '' when the subscription's own arguments name it. */
  readonly entityId: string;
  /** The payload's static parts (`action`, `__typename`), from the event. */
  readonly statics: Readonly<Record<string, unknown>>;
}

/**
 * One Subscription field the router serves: everything particular to it, so that the socket
 * handling, grouping, coalescing and the reading through the gateway are shared. Keys are the
 * field's own (the server keeps each field's keys apart).
 */
export interface LiveField<TArgs, TEvent> {
  /** The Subscription field's name in the API schema. */
  readonly name: string;
  /** The topics its events come on (the feed reads them all from the latest offset). */
  readonly topics: readonly { readonly name: string; readonly partitions: number }[];
  readonly payload: PayloadShape;
  /** Subscribe time: the arguments (coerced by the schema) as the field needs them, or the refusal a query would get. */
  accept(args: Readonly<Record<string, unknown>>, viewer: Viewer | null, problem: string | undefined): { args: TArgs } | { refusal: Refusal };
  /** Subscribe-time checks that need the gateway, e.g. an unknown doctor is NOT_FOUND, not a silent stream. */
  verify?(args: TArgs, viewer: Viewer | null, read: GatewayRead): Promise<Refusal | null>;
  /** The keys a subscriber listens on. */
  listensOn(args: TArgs, viewer: Viewer | null): readonly string[];
  /** Who sees the same payload: subscribers with the same document, variables and scope share one reading per event. */
  scope(args: TArgs, viewer: Viewer | null): string;
  /** The event as this field sees it; null when it does not concern the field. A bad payload throws (the event is skipped). */
  eventOf(envelope: EventEnvelope): TEvent | null;
  /** The keys an event touches. */
  touches(event: TEvent): readonly string[];
  /** Whether a subscriber on a touched key wants the event after all (e.g. a window the event does not reach); default yes. */
  wants?(args: TArgs, event: TEvent): boolean;
  readingOf(event: TEvent): Reading;
  /** The payload is a state, not a change: one equal to what the group was last sent is not sent again. */
  readonly onlyWhenChanged?: boolean;
}

export type AnyLiveField = LiveField<unknown, unknown>;

/** Declares a field module; the server handles every field alike, whatever its argument and event types. */
export function liveField<TArgs, TEvent>(field: LiveField<TArgs, TEvent>): AnyLiveField {
  return field as unknown as AnyLiveField;
}
