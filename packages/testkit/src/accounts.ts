import { randomBytes } from 'node:crypto';
import { postGraphQL, randomIp, type CallOptions, type GraphQLResult, type Operation } from './graphql-client.ts';
import { nextEmailsTo, type ReceivedEmail } from './mail.ts';
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

export interface SignUpInput {
  email: string;
  password: string;
  name: string;
}

/** The token of the sign-up link in an email (after `#token=`). */
export function signUpTokenIn(email: ReceivedEmail): string {
  const token = /#token=([A-Za-z0-9_-]+)/.exec(email.text)?.[1];
  if (!token) throw new Error(`no sign-up link in the email "${email.subject}" to ${email.to.join(', ')}`);
  return token;
}

/** Calls the router as one client at one address (so throttling tests do not disturb each other). */
export function client(ip = randomIp()) {
  // A typed document infers its result and variables; a query as text takes them as type arguments.
  const call = <T = Record<string, unknown>, V = Record<string, unknown>>(operation: Operation<T, V>, variables: V = {} as V, options: CallOptions = {}) =>
    postGraphQL<T, V>(testEnv().routerUrl, operation, variables, { ip, ...options });
  return {
    ip,
    call,
    startRegistration: (input: SignUpInput) =>
      call<{ startRegistration: { email: string; message: string } }>(
        'mutation($input: RegisterInput!) { startRegistration(input: $input) { email message } }',
        { input },
      ),
    completeRegistration: (token: string) =>
      call<{ completeRegistration: AuthPayload }>(`mutation($t: String!) { completeRegistration(token: $t) { ${AUTH_FIELDS} } }`, { t: token }),
    /**
     * Signs up as a person would: starts, reads the link in the email that arrives, completes. The
     * answer of the step that failed, or of completeRegistration.
     */
    async signUp(input: SignUpInput): Promise<GraphQLResult<{ completeRegistration: AuthPayload }>> {
      const started = await this.startRegistration(input);
      if (!started.data?.startRegistration) return started as GraphQLResult<never>;
      const address = started.data.startRegistration.email;
      const [email] = (await nextEmailsTo(address, 1)).slice(-1);
      return this.completeRegistration(signUpTokenIn(email!));
    },
    login: (email: string, password: string) =>
      call<{ login: AuthPayload }>(`mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`, { input: { email, password } }),
    refresh: (refreshToken: string) =>
      call<{ refreshToken: AuthPayload }>(`mutation($t: String!) { refreshToken(refreshToken: $t) { ${AUTH_FIELDS} } }`, { t: refreshToken }),
    logout: (refreshToken: string) => call<{ logout: boolean }>(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: refreshToken }),
    me: (token?: string) => call<{ me: AuthPayload['user'] }>('{ me { id email name role } }', {}, { token }),
  };
}

/** A new patient, signed up through the emailed link from an address of its own (each patient signs up from their own device). */
export async function registeredPatient(): Promise<{ email: string; session: AuthPayload }> {
  const email = uniqueEmail();
  const result = await client().signUp({ email, password: PASSWORD, name: 'Pat Ient' });
  if (!result.data?.completeRegistration) throw new Error(`sign-up failed: ${JSON.stringify(result.errors)}`);
  return { email, session: result.data.completeRegistration };
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
