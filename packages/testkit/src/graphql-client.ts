import { randomInt, randomUUID } from 'node:crypto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { Forwarded, GATEWAY_SIGNATURE_HEADER, signGatewayRequest } from '@medappt/platform';
import { testEnv } from './provided.ts';

export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
  /** The id the router issued for this request (its x-request-id response header). */
  requestId?: string;
  data?: TData | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface CallOptions {
  token?: string | undefined;
  /** Sent as X-Forwarded-For; the test router trusts it, as one behind a load balancer would. */
  ip?: string;
  headers?: Record<string, string>;
}

/** A documentation-range address (RFC 5737), unique enough that tests do not share throttling. */
export function randomIp(): string {
  return `198.51.${randomInt(0, 256)}.${randomInt(1, 255)}`;
}

/** A query as text, or a document from src/generated/operations.ts whose result and variables types it carries. */
export type Operation<TData, TVariables> = string | TypedDocumentNode<TData, TVariables>;

const printed = new WeakMap<DocumentNode, string>();
/** The text sent for a document (printed once per document). */
export function queryText(operation: string | DocumentNode): string {
  if (typeof operation === 'string') return operation;
  let text = printed.get(operation);
  if (text === undefined) printed.set(operation, (text = print(operation)));
  return text;
}

export async function postGraphQL<TData = Record<string, unknown>, TVariables = Record<string, unknown>>(
  url: string,
  operation: Operation<TData, TVariables>,
  variables: TVariables = {} as TVariables,
  options: CallOptions = {},
): Promise<GraphQLResult<TData>> {
  const query = queryText(operation);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.ip ? { 'x-forwarded-for': options.ip } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResult<TData>, 'status'>;
  return { status: response.status, requestId: response.headers.get('x-request-id') ?? undefined, ...body };
}

/** The codes of a result's errors, e.g. ['UNAUTHENTICATED']. */
export function errorCodes(result: GraphQLResult<unknown>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.['code']);
}

type SubgraphCallOptions = CallOptions & { gatewaySecret?: string; requestId?: string; userAgent?: string };

/**
 * A request to a subgraph port as the router sends it: signed with the gateway key, carrying the
 * forwarded client address, user agent and request id. Without `gatewaySecret`, unsigned: as an attacker.
 */
export function fetchSubgraph(url: string, payload: unknown, options: SubgraphCallOptions = {}): Promise<Response> {
  return fetch(url, subgraphRequest(url, payload, options));
}

/** The request {@link fetchSubgraph} sends, to send it again, or altered. */
export function subgraphRequest(url: string, payload: unknown, options: SubgraphCallOptions = {}): RequestInit & { headers: Record<string, string> } {
  const body = JSON.stringify(payload);
  const forwarded = {
    requestId: options.requestId ?? randomUUID(),
    clientIp: options.ip ?? randomIp(),
    userAgent: options.userAgent ?? 'testkit',
    clientRequestId: '',
  };
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    [Forwarded.REQUEST_ID]: forwarded.requestId,
    [Forwarded.CLIENT_IP]: forwarded.clientIp,
    [Forwarded.USER_AGENT]: forwarded.userAgent,
    ...options.headers,
  };
  if (options.gatewaySecret) {
    const target = new URL(url);
    headers[GATEWAY_SIGNATURE_HEADER] = signGatewayRequest(Buffer.from(options.gatewaySecret, 'base64url'), {
      method: 'POST',
      path: `${target.pathname}${target.search}`,
      ...forwarded,
      authorization: options.token ? `Bearer ${options.token}` : '',
      body,
    });
  }
  return { method: 'POST', headers, body };
}

export async function postSubgraph<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: SubgraphCallOptions = {},
): Promise<GraphQLResult<TData>> {
  const response = await fetchSubgraph(url, { query, variables }, options);
  const parsed = (await response.json()) as Omit<GraphQLResult<TData>, 'status'>;
  return { status: response.status, ...parsed };
}

/** A subgraph call signed as the router signs it (the contract tests of `_entities` and friends). */
export const postAsRouter = <TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: Omit<SubgraphCallOptions, 'gatewaySecret'> = {},
): Promise<GraphQLResult<TData>> => postSubgraph<TData>(url, query, variables, { ...options, gatewaySecret: testEnv().gatewaySecret });

/** The raw response of a signed subgraph call (to read headers such as Server-Timing). */
export const fetchAsRouter = (url: string, payload: unknown, options: Omit<SubgraphCallOptions, 'gatewaySecret'> = {}): Promise<Response> =>
  fetchSubgraph(url, payload, { ...options, gatewaySecret: testEnv().gatewaySecret });
