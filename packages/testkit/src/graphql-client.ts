import { randomInt } from 'node:crypto';

export interface GraphQLResult<TData = Record<string, unknown>> {
  status: number;
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

export async function postGraphQL<TData = Record<string, unknown>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: CallOptions = {},
): Promise<GraphQLResult<TData>> {
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
  return { status: response.status, ...body };
}

/** The codes of a result's errors, e.g. ['UNAUTHENTICATED']. */
export function errorCodes(result: GraphQLResult<unknown>): unknown[] {
  return (result.errors ?? []).map((e) => e.extensions?.['code']);
}
