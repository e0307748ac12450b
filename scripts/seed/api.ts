/** A small GraphQL client for the seed: the router's public API, nothing internal. */

export class GraphQLCallError extends Error {
  constructor(
    readonly errors: { message: string; extensions?: Record<string, unknown> }[],
    operation: string,
  ) {
    super(`${operation}: ${errors.map((e) => `${e.message} (${String(e.extensions?.['code'] ?? 'no code')})`).join('; ')}`);
    this.name = 'GraphQLCallError';
  }
  get code(): unknown {
    return this.errors[0]?.extensions?.['code'];
  }
  get field(): unknown {
    return this.errors[0]?.extensions?.['field'];
  }
}

export interface SeedApi {
  /** Runs one operation; returns `data` or throws GraphQLCallError. */
  call<T>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T>;
  /** An ADMIN access token. */
  readonly adminToken: string;
}

export async function connect(routerUrl: string, admin: { email: string; password: string }): Promise<SeedApi> {
  const call = async <T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(routerUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch (error) {
      throw new Error(`cannot reach the router at ${routerUrl} (is \`pnpm start\` running?): ${String(error)}`, { cause: error });
    }
    const body = (await response.json()) as { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] };
    if (body.errors?.length || !body.data)
      throw new GraphQLCallError(body.errors ?? [{ message: `HTTP ${response.status}` }], query.trim().split(/[({]/)[0] ?? 'query');
    return body.data;
  };
  const login = await call<{ login: { accessToken: string; user: { role: string } } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken user { role } } }',
    { input: admin },
  );
  if (login.login.user.role !== 'ADMIN') throw new Error(`${admin.email} is not an ADMIN account`);
  return { call, adminToken: login.login.accessToken };
}
