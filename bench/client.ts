import { randomUUID } from 'node:crypto';
import { Forwarded, GATEWAY_SIGNATURE_HEADER, gatewayKeyFile, loadGatewayKey, signGatewayRequest } from '@medappt/platform';
import { Agent } from 'undici';

// Subgraphs answer only requests the router signed: a direct call (router overhead, slot search)
// signs as the router does, with the key `pnpm start` generated (or GATEWAY_SECRET).
const gatewayKey = loadGatewayKey({ secret: process.env['GATEWAY_SECRET'], file: gatewayKeyFile(process.env['DATA_DIR'] ?? '.data') });

function signed(url: string, body: string, token: string | undefined): Record<string, string> {
  const facts = { requestId: randomUUID(), clientIp: '127.0.0.1', userAgent: 'bench', clientRequestId: '' };
  const target = new URL(url);
  const signature = signGatewayRequest(gatewayKey, {
    method: 'POST',
    path: `${target.pathname}${target.search}`,
    ...facts,
    authorization: token ? `Bearer ${token}` : '',
    body,
  });
  return {
    [GATEWAY_SIGNATURE_HEADER]: signature,
    [Forwarded.REQUEST_ID]: facts.requestId,
    [Forwarded.CLIENT_IP]: facts.clientIp,
    [Forwarded.USER_AGENT]: facts.userAgent,
  };
}

// undici's request API over keep-alive sockets rather than fetch: the load generator shares the
// box with what it measures, and fetch cost it ~1 ms more CPU a request (2.1-2.7 vs 1.2-1.6 ms, #15).
const agent = new Agent({ keepAliveTimeout: 30_000 });

/** The bench's GraphQL client: keep-alive sockets, token, and a typed result or a thrown error. */
export async function gql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<{ data?: T; errors?: { message: string }[] }> {
  const body = JSON.stringify({ query, variables });
  const target = new URL(url);
  const response = await agent.request({
    origin: target.origin,
    path: `${target.pathname}${target.search}`,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...signed(url, body, token) },
    body,
  });
  return (await response.body.json()) as { data?: T; errors?: { message: string }[] };
}

export async function must<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const result = await gql<T>(url, query, variables, token);
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const data = await must<{ login: { accessToken: string } }>(url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', {
    i: { email, password },
  });
  return data.login.accessToken;
}

/** The service most seeded doctors offer: the widest slot search and booking target. */
export async function busiestService(url: string): Promise<{ id: string; name: string; doctors: { id: string }[] }> {
  const { services } = await must<{ services: { id: string; name: string; doctors: { id: string }[] }[] }>(url, '{ services { id name doctors { id } } }');
  const service = [...services].sort((a, b) => b.doctors.length - a.doctors.length)[0];
  if (!service) throw new Error('no services: run `pnpm seed` first');
  return service;
}
