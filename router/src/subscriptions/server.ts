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
  type GraphQLSchema,
} from 'graphql';
import { CloseCode, type Context } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  findUnsafeInput,
  operationLimitErrors,
  tokenLimitError,
  type EventEnvelope,
  type Logger,
  type OperationLimits,
  type TokenVerifier,
  type Viewer,
} from '@medappt/platform';
import type { RouterContext } from '../router.ts';
import { withoutSuggestions } from '../production.ts';
import type { Connection } from './connection.ts';
import { liveFields } from './fields/index.ts';
import type { AnyLiveField, GatewayRead, Refusal } from './fields/live-field.ts';
import { gatewayQuery, groupReader } from './group-reading.ts';
import { limiter } from './limiter.ts';
import { liveGroups, type GroupSpec } from './live-groups.ts';
import { payloadPlan, rootFieldOf } from './payload-query.ts';
import { MAX_QUEUED_RESULTS, nextStream } from './next-stream.ts';

export { MAX_QUEUED_RESULTS };

/** Close codes beyond graphql-ws's own (docs/subscriptions.md). */
export const LiveCloseCode = {
  /** The socket did not take its messages fast enough: its queue overflowed. */
  TooSlow: 4413,
  GoingAway: 1001,
} as const;

/** Subscriptions one socket may hold at once (a dashboard needs a handful). */
export const MAX_SUBSCRIPTIONS_PER_SOCKET = 20;
/** Event readings waiting for a free slot before new ones are dropped (their subscribers see the next change). */
const MAX_WAITING_EXECUTIONS = 10_000;

const codeError = (message: string, code: string, extra: Readonly<Record<string, unknown>> = {}) =>
  new GraphQLError(message, { extensions: { code, ...extra } });
const refusalError = (refusal: Refusal) => codeError(refusal.message, refusal.code, refusal.extensions);

// Printed once per validated document (those are cached), not once per subscriber.
const printed = new WeakMap<DocumentNode, string>();
function printedOnce(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) printed.set(document, (text = print(document)));
  return text;
}

// One payload plan per validated document and operation, shared by all its subscribers (10,000
// sockets on one dashboard's document would otherwise hold 10,000 equal plans).
const plans = new WeakMap<DocumentNode, Map<string, ReturnType<typeof payloadPlan>>>();
function planOnce(document: DocumentNode, operationName: string | null | undefined, field: AnyLiveField): ReturnType<typeof payloadPlan> {
  let byOperation = plans.get(document);
  if (!byOperation) plans.set(document, (byOperation = new Map()));
  const key = `${field.name}\n${operationName ?? ''}`;
  let plan = byOperation.get(key);
  if (!plan) byOperation.set(key, (plan = payloadPlan(document, operationName, field.payload)));
  return plan;
}

/** Who sees the same payload: the same field, operation, variables and rights scope. */
function groupKey(
  field: AnyLiveField,
  scope: string,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>>,
): string {
  return `${field.name}\n${scope}\n${operationName ?? ''}\n${JSON.stringify(variables)}\n${printedOnce(document)}`;
}

export interface LiveServer {
  /** One event from one of the fields' topics (`liveTopics`): reaches the subscribers it concerns. */
  deliver(topic: string, envelope: EventEnvelope): void;
  readonly sockets: number;
  stop(): Promise<void>;
}

/**
 * graphql-ws on the router's own HTTP server and /graphql path. The token comes in
 * connection_init (no cookies, so no cross-site socket hijacking); every subscription is checked
 * with the same rules and limits as HTTP; every event is read through the in-process gateway with
 * the subscriber's own token (public data: with none), so it sees what a query would. What is
 * particular to each Subscription field is in its module under fields/ (docs/subscriptions.md).
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
  const fieldsByName = new Map(liveFields.map((f) => [f.name, f]));
  const query = gatewayQuery(options.apollo);
  const groups = liveGroups({
    fields: liveFields,
    run: limiter(options.maxConcurrentExecutions ?? 16, MAX_WAITING_EXECUTIONS),
    read: groupReader(query),
    logger,
  });
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
          connection.expiry = setTimeout(
            () => ctx.extra.socket.close(CloseCode.Forbidden, 'Forbidden: the access token expired; reconnect with a fresh one'),
            Math.max(0, expiresAt * 1000 - Date.now()),
          );
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
      onSubscribe: async (ctx, id, payload) => {
        const connection = connectionOf(ctx);
        const refuse = (errors: readonly GraphQLError[]): readonly GraphQLError[] =>
          options.hideSuggestionsFromAnonymous && !connection.viewer
            ? errors.map((e) => codeError(withoutSuggestions(e.message), String(e.extensions['code'] ?? 'BAD_REQUEST')))
            : errors;
        if (connection.subscriptions >= MAX_SUBSCRIPTIONS_PER_SOCKET) {
          return [
            codeError(
              `This socket already holds ${MAX_SUBSCRIPTIONS_PER_SOCKET} subscriptions (the limit): end one, or open another socket.`,
              'TOO_MANY_SUBSCRIPTIONS',
              { limit: MAX_SUBSCRIPTIONS_PER_SOCKET },
            ),
          ];
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
        const name = root.field.name.value;
        const schemaField = schema.getSubscriptionType()?.getFields()[name];
        const field = fieldsByName.get(name);
        if (!schemaField || !field) return [codeError(`The subscription ${name} is not served yet.`, 'BAD_REQUEST')];
        const coerced = getVariableValues(schema, root.operation.variableDefinitions ?? [], variables);
        if (coerced.errors) return coerced.errors.map((e) => codeError(e.message, 'BAD_USER_INPUT'));
        const { viewer } = connection;
        const accepted = field.accept(getArgumentValues(schemaField, root.field, coerced.coerced), viewer, connection.problem);
        if ('refusal' in accepted) return [refusalError(accepted.refusal)];
        const { args } = accepted;
        const plan = planOnce(document, payload.operationName, field);
        if ('problem' in plan) return [codeError(plan.problem, 'BAD_USER_INPUT')];
        // The slot is taken before waiting, so parallel subscribe messages cannot pass the cap together.
        connection.subscriptions += 1;
        const read: GatewayRead = async (text, values, as) => (await query(text, values, as === 'anonymous' ? null : connection)) ?? {};
        const refusal = field.verify
          ? await field
              .verify(args, viewer, read)
              .catch((): Refusal => ({ code: 'SERVICE_UNAVAILABLE', message: 'The subscription could not be checked; try again shortly.' }))
          : null;
        if (refusal) {
          connection.subscriptions -= 1;
          return [refusalError(refusal)];
        }
        const scope = field.scope(args, viewer);
        const spec: GroupSpec = {
          key: groupKey(field, scope, document, payload.operationName, coerced.coerced),
          field,
          args,
          plan,
          variables: coerced.coerced,
          scope,
          listensOn: field.listensOn(args, viewer),
        };
        const execution: ExecutionArgs = {
          schema,
          document,
          operationName: payload.operationName ?? null,
          variableValues: coerced.coerced,
          contextValue: { connection, spec, id },
        };
        return execution;
      },
      subscribe: (args) => {
        const { connection, spec, id } = args.contextValue as { connection: Connection; spec: GroupSpec; id: string };
        let leave = (): void => undefined;
        // Its `next` messages go straight on the socket, its lifetime stays graphql-ws's (next-stream.ts says why).
        const stream = nextStream(
          connection.socket,
          id,
          () => {
            logger.warn({ field: spec.field.name }, 'subscriber too slow: its socket is closed');
            connection.socket.close(LiveCloseCode.TooSlow, `Too slow: more than ${MAX_QUEUED_RESULTS} updates waited for this socket`);
          },
          () => {
            connection.subscriptions -= 1;
            leave();
          },
        );
        leave = groups.join(spec, { connection, send: stream.send, ended: stream.ended });
        return stream.iterator;
      },
    },
    wss,
  );

  return {
    get sockets() {
      return wss.clients.size;
    },
    deliver: (topic, envelope) => groups.deliver(topic, envelope),
    stop: async () => {
      clearInterval(sweep);
      for (const socket of wss.clients) socket.close(LiveCloseCode.GoingAway, 'The router is shutting down');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
