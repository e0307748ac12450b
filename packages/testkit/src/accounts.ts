import { randomBytes } from 'node:crypto';
import { postGraphQL, randomIp, type CallOptions } from './graphql-client.ts';
import { testEnv } from './provided.ts';

export const AUTH_FIELDS = 'accessToken accessTokenExpiresAt refreshToken refreshTokenExpiresAt user { id email name role }';

export interface AuthPayload {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: { id: string; email: string | null; name: string; role: string };
}

export const uniqueEmail = (label = 'patient'): string => `${label}.${randomBytes(5).toString('hex')}@example.com`;
export const PASSWORD = 'correct horse battery';

/** Calls the router as one client at one address (so throttling tests do not disturb each other). */
export function client(ip = randomIp()) {
  const call = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, options: CallOptions = {}) =>
    postGraphQL<T>(testEnv().routerUrl, query, variables, { ip, ...options });
  return {
    ip,
    call,
    register: (input: { email: string; password: string; name: string }) =>
      call<{ register: AuthPayload }>(`mutation($input: RegisterInput!) { register(input: $input) { ${AUTH_FIELDS} } }`, { input }),
    login: (email: string, password: string) =>
      call<{ login: AuthPayload }>(`mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`, { input: { email, password } }),
    refresh: (refreshToken: string) =>
      call<{ refreshToken: AuthPayload }>(`mutation($t: String!) { refreshToken(refreshToken: $t) { ${AUTH_FIELDS} } }`, { t: refreshToken }),
    logout: (refreshToken: string) => call<{ logout: boolean }>(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: refreshToken }),
    me: (token?: string) => call<{ me: AuthPayload['user'] }>('{ me { id email name role } }', {}, { token }),
  };
}

export async function registeredPatient(c = client()): Promise<{ email: string; session: AuthPayload }> {
  const email = uniqueEmail();
  const result = await c.register({ email, password: PASSWORD, name: 'Pat Ient' });
  if (!result.data?.register) throw new Error(`register failed: ${JSON.stringify(result.errors)}`);
  return { email, session: result.data.register };
}

let adminCache: { session: AuthPayload; until: number } | undefined;

/**
 * Signs in as the first admin (created by the harness), once per test file while the token lasts:
 * dozens of parallel admin sign-ins from fresh addresses would look like what the login throttle
 * is there to stop (each counts until its password is checked).
 */
export async function adminSession(c = client()): Promise<AuthPayload> {
  if (adminCache && Date.now() < adminCache.until) return adminCache.session;
  const { admin } = testEnv();
  const result = await c.login(admin.email, admin.password);
  if (!result.data?.login) throw new Error(`admin login failed: ${JSON.stringify(result.errors)}`);
  adminCache = { session: result.data.login, until: Date.parse(result.data.login.accessTokenExpiresAt) - 60_000 };
  return result.data.login;
}

/** Creates an account of any role through the admin, and signs it in. */
export async function accountWithRole(role: 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN', c = client()): Promise<AuthPayload> {
  const admin = await adminSession(c);
  const email = uniqueEmail(role.toLowerCase());
  const created = await c.call(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email, password: PASSWORD, name: `Test ${role.toLowerCase()}`, role } },
    { token: admin.accessToken },
  );
  if (created.errors) throw new Error(`createUser failed: ${JSON.stringify(created.errors)}`);
  const login = await c.login(email, PASSWORD);
  if (!login.data?.login) throw new Error(`login failed: ${JSON.stringify(login.errors)}`);
  return login.data.login;
}
