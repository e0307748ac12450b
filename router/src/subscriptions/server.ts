import { randomUUID } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { ApolloServer } from '@apollo/server';
import {
  getArgumentValues,
  getVariableValues,
  GraphQLError,
  parse,
  print,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { findUnsafeInput, operationLimitErrors, tokenLimitError, type Logger, type OperationLimits, type TokenVerifier, type Viewer } from '@medappt/platform';
import type { RouterContext } from '../router.ts';
import { appointmentChangeRefusal, appointmentKeyOf, appointmentKeysOf, type AppointmentChangeArgs } from './appointment-changes.ts';
import type { AppointmentChangeEvent } from './feed.ts';
import { withoutSuggestions } from '../production.ts';
import { payloadOf, payloadPlan, rootFieldOf, type PayloadPlan } from './payload-query.ts';

/** Close codes beyond graphql-ws's own (docs/subscriptions.md). */
export const LiveCloseCode = {
  /** The socket did not take its messages fast enough: its queue overflowed. */
  TooSlow: 4413,
  GoingAway: 1001,
} as const;

/** Results waiting for one subscriber before it counts as too slow. */
export const MAX_QUEUED_RESULTS = 100;
/** Subscriptions one socket may hold at once (a dashboard needs a handful). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
/** Event readings waiting for a free slot before new ones are dropped (their subscribers see the next change). */
const MAX_WAITING_EXECUTIONS = 10_000;

interface Connection {
  readonly socket: WebSocket;
  readonly authorization: string | undefined;
  readonly viewer: Viewer | null;
  readonly problem: string | undefined;
  readonly clientIp: string;
  readonly userAgent: string;
  subscriptions: number;
  expiry?: NodeJS.Timeout;
}

interface Subscriber {
  readonly connection: Connection;
  readonly plan: PayloadPlan;
  readonly variables: Record<string, unknown>;
  /** Subscribers with the same group see the same payload: one reading per event serves them all. */
  readonly group: string;
  push(result: ExecutionResult): void;
  readonly ended: () => boolean;
}

/** A push-fed async iterator with a bounded queue: what graphql-ws pulls a subscription's results from. */
function resultQueue(onOverflow: () => void, onEnd: () => void): { iterator: AsyncIterableIterator<ExecutionResult>; push(result: ExecutionResult): void; ended(): boolean } {
  const queued: ExecutionResult[] = [];
  let waiting: ((r: IteratorResult<ExecutionResult>) => void) | undefined;
  let done = false;
  const end = (): IteratorResult<ExecutionResult> => {
    if (!done) {
      done = true;
      onEnd();
    }
    waiting?.({ value: undefined, done: true });
    waiting = undefined;
    return { value: undefined, done: true };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    [Symbol.asyncIterator]() {
      return this;
    },
    next: () => {
      if (queued.length > 0) return Promise.resolve({ value: queued.shift()!, done: false });
      if (done) return Promise.resolve({ value: undefined, done: true });
      return new Promise((resolve) => (waiting = resolve));
    },
    return: () => Promise.resolve(end()),
    throw: (error: unknown) => Promise.reject(error instanceof Error ? error : new Error(String(error))),
  };
  return {
    iterator,
    ended: () => done,
    push(result) {
      if (done) return;
      if (waiting) {
        const wake = waiting;
        waiting = undefined;
        wake({ value: result, done: false });
      } else if (queued.length >= MAX_QUEUED_RESULTS) {
        end();
        onOverflow();
      } else queued.push(result);
    },
  };
}

/** A cap on event executions in flight, so a burst of events never starves HTTP traffic. */
function limiter(max: number, maxWaiting: number): <T>(task: () => Promise<T>) => Promise<T | undefined> {
  let active = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (active >= max) {
      if (queue.length >= maxWaiting) return undefined;
      await new Promise<void>((resolve) => queue.push(resolve));
    }
    active += 1;
    try {
      return await task();
    } finally {
      active -= 1;
      queue.shift()?.();
    }
  };
}

/**
 * Who sees the same payload: the same document and variables read with the same rights. STAFF
 * see every appointment alike; a doctor or a patient sees their own, so they group by account.
 */
function groupOf(document: DocumentNode, variables: Readonly<Record<string, unknown>>, viewer: Viewer | null): string {
  const scope = !viewer ? 'anonymous' : viewer.role === 'STAFF' ? 'STAFF' : `${viewer.role}:${viewer.userId}`;
  return `${scope}\n${JSON.stringify(variables)}\n${print(document)}`;
}

const codeError = (message: string, code: string, extra: Record<string, unknown> = {}) => new GraphQLError(message, { extensions: { code, ...extra } });

export interface LiveServer {
  deliverAppointmentChange(event: AppointmentChangeEvent): void;
  readonly sockets: number;
  stop(): Promise<void>;
}

/**
 * graphql-ws on the router's own HTTP server and /graphql path. The token comes in
 * connection_init (no cookies, so no cross-site socket hijacking); every subscription is checked
 * with the same rules and limits as HTTP; every event is read through the in-process gateway with
 * the subscriber's own token, so it sees what a query would (docs/subscriptions.md).
 */
export function startLiveServer(options: {
  server: Server;
  apollo: ApolloServer<RouterContext>;
  schema: () => GraphQLSchema | undefined;
  verify: TokenVerifier;
  limits: OperationLimits;
  logger: Logger;
  clientIp: (request: IncomingMessage) => string;
  maxMessageBytes: number;
  /** Production: no "Did you mean" in what anonymous sockets are told. */
  hideSuggestionsFromAnonymous: boolean;
  /** Whether a connection's token was revoked since it connected (logout, disabled account). */
  revoked?: (viewer: Viewer) => boolean;
  maxConcurrentExecutions?: number;
}): LiveServer {
  const { logger, limits } = options;
  // The same bound on one message as on an HTTP body (ws would allow 100 MiB).
  const wss = new WebSocketServer({ server: options.server, path: '/graphql', maxPayload: options.maxMessageBytes });
  const connections = new WeakMap<object, Connection>();
  const open = new Set<Connection>();
  // A revoked token closes its sockets within a second, even when no event comes for them.
  const sweep = setInterval(() => {
    if (!options.revoked) return;
    for (const connection of open) {
      if (connection.viewer && options.revoked(connection.viewer)) {
        open.delete(connection);
        connection.socket.close(CloseCode.Forbidden, 'Forbidden: this session has ended or the account is disabled');
      }
    }
  }, 1_000);
  sweep.unref();
  const byKey = new Map<string, Set<Subscriber>>();
  const run = limiter(options.maxConcurrentExecutions ?? 16, MAX_WAITING_EXECUTIONS);
  // Only documents that passed validation are kept: junk cannot fill the cache.
  const validated = new Map<string, DocumentNode>();

  const connectionOf = (ctx: Context): Connection => {
    const connection = connections.get(ctx);
    if (!connection) throw new Error('subscription before connection_init');
    return connection;
  };

  useServer<Record<string, unknown>, { socket: WebSocket; request: IncomingMessage }>(
    {
      onConnect: async (ctx) => {
        const params = ctx.connectionParams ?? {};
        const given = params['authorization'] ?? params['Authorization'];
        const authorization = typeof given === 'string' && given !== '' ? given : undefined;
        const auth = await options.verify(authorization);
        // A token that does not verify closes the socket (4403): graphql-ws clients retry, with a fresh one.
        if (authorization && !auth.viewer) return false;
        const connection: Connection = {
          socket: ctx.extra.socket,
          authorization,
          viewer: auth.viewer,
          problem: auth.problem,
          clientIp: options.clientIp(ctx.extra.request),
          userAgent: String(ctx.extra.request.headers['user-agent'] ?? ''),
          subscriptions: 0,
        };
        const expiresAt = auth.viewer?.expiresAt;
        if (expiresAt) {
          connection.expiry = setTimeout(() => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the access token expired; reconnect with a fresh one'), Math.max(0, expiresAt * 1000 - Date.now()));
          connection.expiry.unref();
        }
        connections.set(ctx, connection);
        open.add(connection);
        return true;
      },
      onClose: (ctx) => {
        const connection = connections.get(ctx);
        clearTimeout(connection?.expiry);
        if (connection) open.delete(connection);
      },
      onSubscribe: async (ctx, _id, payload) => {
        const connection = connectionOf(ctx);
        const refuse = (errors: readonly GraphQLError[]): readonly GraphQLError[] =>
          options.hideSuggestionsFromAnonymous && !connection.viewer ? errors.map((e) => codeError(withoutSuggestions(e.message), String(e.extensions['code'] ?? 'BAD_REQUEST'))) : errors;
        if (connection.subscriptions >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [codeError(`This socket already holds ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions (the limit): end one, or open another socket.`, 'TOO_MANY_SUBSCRIPTIONS', { limit: MAX_SUBSCRIPTIONS_PER_SOCKET })];
        }
        const schema = options.schema();
        if (!schema) return [codeError('The router is still loading its schema; try again in a moment.', 'SERVICE_UNAVAILABLE')];
        const tooMany = tokenLimitError(payload.query, limits);
        if (tooMany) return [tooMany];
        let document = validated.get(payload.query);
        if (!document) {
          try {
            document = parse(payload.query);
          } catch (error) {
            return refuse([codeError(error instanceof GraphQLError ? error.message : 'The document does not parse.', 'GRAPHQL_PARSE_FAILED')]);
          }
          const invalid = validate(schema, document, specifiedRules);
          if (invalid.length > 0) return refuse(invalid.map((e) => codeError(e.message, 'GRAPHQL_VALIDATION_FAILED')));
          if (validated.size >= 1_000) validated.clear();
          validated.set(payload.query, document);
        }
        const variables = payload.variables ?? {};
        const overLimit = operationLimitErrors(schema, document, payload.operationName, variables, limits);
        if (overLimit.length > 0) return overLimit;
        const root = rootFieldOf(document, payload.operationName);
        if (!root) return [codeError('Name the operation to run (operationName).', 'BAD_USER_INPUT')];
        if (root.operation.operation !== 'subscription') {
          return [codeError('Over WebSocket this router serves subscriptions only: send queries and mutations with HTTP POST to the same URL.', 'BAD_REQUEST')];
        }
        const unsafe = findUnsafeInput(document, root.operation, variables);
        if (unsafe) return [codeError(`${unsafe.field}: ${unsafe.message}`, 'BAD_USER_INPUT', { field: unsafe.field })];
        const field = schema.getSubscriptionType()?.getFields()[root.field.name.value];
        if (!field || root.field.name.value !== 'appointmentChanged') return [codeError(`The subscription ${root.field.name.value} is not served yet.`, 'BAD_REQUEST')];
        const coerced = getVariableValues(schema, root.operation.variableDefinitions ?? [], variables);
        if (coerced.errors) return coerced.errors.map((e) => codeError(e.message, 'BAD_USER_INPUT'));
        const args = getArgumentValues(field, root.field, coerced.coerced) as AppointmentChangeArgs;
        const refusal = appointmentChangeRefusal(connection.viewer, args, connection.problem);
        if (refusal) return [codeError(refusal.message, refusal.code, refusal.field ? { field: refusal.field } : {})];
        const plan = payloadPlan(document, payload.operationName, 'appointment', 'appointment');
        if ('problem' in plan) return [codeError(plan.problem, 'BAD_USER_INPUT')];
        // The slot is taken before waiting, so parallel subscribe messages cannot pass the cap together.
        connection.subscriptions += 1;
        // Following a doctor who does not exist would be a silent stream: say so instead. (A doctor
        // following themself exists; skipping the lookup keeps their subscription from lagging.)
        if (args.doctorId && args.doctorId !== connection.viewer?.userId && !(await doctorExists(connection, args.doctorId))) {
          connection.subscriptions -= 1;
          return [codeError(`Doctor ${args.doctorId} was not found.`, 'NOT_FOUND', { field: 'doctorId', id: args.doctorId })];
        }
        const execution: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: coerced.coerced,
          contextValue: { connection, plan, key: appointmentKeyOf(args), variables: coerced.coerced },
        };
        return execution;
      },
      subscribe: (args) => {
        const { connection, plan, key, variables } = args.contextValue as { connection: Connection; plan: PayloadPlan; key: string; variables: Record<string, unknown> };
        const subscribers = byKey.get(key) ?? new Set<Subscriber>();
        byKey.set(key, subscribers);
        const holder: { subscriber?: Subscriber } = {};
        const queue = resultQueue(
          () => {
            logger.warn({ key }, 'subscriber too slow: its socket is closed');
            connection.socket.close(LiveCloseCode.TooSlow, 'Too slow: more than 100 updates waited for this socket');
          },
          () => {
            connection.subscriptions -= 1;
            if (holder.subscriber) subscribers.delete(holder.subscriber);
            if (subscribers.size === 0) byKey.delete(key);
          },
        );
        const subscriber: Subscriber = { connection, plan, variables, group: groupOf(args.document, variables, connection.viewer), push: queue.push, ended: queue.ended };
        holder.subscriber = subscriber;
        subscribers.add(subscriber);
        return queue.iterator;
      },
    },
    wss,
  );

  function contextOf(connection: Connection): RouterContext {
    return {
      authorization: connection.authorization,
      requestId: randomUUID(),
      clientIp: connection.clientIp,
      userAgent: connection.userAgent,
      clientRequestId: '',
      anonymous: !connection.viewer,
    };
  }

  async function doctorExists(connection: Connection, doctorId: string): Promise<boolean> {
    const response = await options.apollo.executeOperation({ query: 'query($id: ID!) { doctor(id: $id) { id } }', variables: { id: doctorId } }, { contextValue: contextOf(connection) });
    return response.body.kind === 'single' && Boolean((response.body.singleResult.data as { doctor?: unknown } | null | undefined)?.doctor);
  }

  /**
   * Reads one event for a group of subscribers that would see the same thing, with the token of
   * one of them; a member whose token no longer holds is closed (4403) and the next one is tried.
   */
  async function resolveForGroup(members: readonly Subscriber[], event: AppointmentChangeEvent): Promise<void> {
    const live = members.filter((m) => !m.ended());
    const first = live[0];
    if (!first) return;
    const { plan } = first;
    const statics = { action: event.action, __typename: 'AppointmentChange' };
    // Only static parts asked for (e.g. `{ action }`): nothing to read.
    if (!plan.query) {
      for (const member of live) member.push({ data: payloadOf(plan, {}, statics) });
      return;
    }
    for (const reader of live) {
      const { connection } = reader;
      const contextValue = contextOf(connection);
      const response = await options.apollo.executeOperation(
        { query: plan.query, variables: { ...reader.variables, [plan.idVariable]: event.payload.appointmentId } },
        { contextValue },
      );
      if (response.body.kind !== 'single') return;
      const { data, errors } = response.body.singleResult;
      if (errors?.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED')) {
        // This token no longer holds (revoked, expired): its client reconnects with a fresh one, or not at all.
        connection.socket.close(CloseCode.Forbidden, 'Forbidden: the access token no longer holds; reconnect with a fresh one');
        continue;
      }
      const entity = plan.keys.filter((k) => k.kind === 'entity').map((k) => (data as Record<string, unknown> | null | undefined)?.[k.key]);
      // Not visible (any more) to this group, or gone: nothing to send.
      if (!data || entity.some((value) => value === null || value === undefined)) return;
      const result = { data: payloadOf(plan, data as Record<string, unknown>, statics), ...(errors ? { errors: errors as never } : {}) };
      for (const member of live) if (member.connection !== connection || member === reader || !member.ended()) member.push(result);
      return;
    }
  }

  return {
    get sockets() {
      return wss.clients.size;
    },
    deliverAppointmentChange(event) {
      const groups = new Map<string, Subscriber[]>();
      for (const key of appointmentKeysOf(event.payload)) {
        for (const subscriber of byKey.get(key) ?? []) {
          const group = `${key}\n${subscriber.group}`;
          groups.set(group, [...(groups.get(group) ?? []), subscriber]);
        }
      }
      for (const members of groups.values()) {
        void run(() => resolveForGroup(members, event)).catch((error: unknown) => logger.error({ err: error }, 'subscription event failed'));
      }
    },
    stop: async () => {
      clearInterval(sweep);
      for (const socket of wss.clients) socket.close(LiveCloseCode.GoingAway, 'The router is shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
