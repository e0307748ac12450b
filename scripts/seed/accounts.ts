import { GraphQLCallError, type SeedApi } from './api.ts';

/** Creates the account unless its email is taken, then signs in with it; returns its token and id. */
export async function seedAccount(
  api: SeedApi,
  account: { email: string; password: string; name: string; role: 'PATIENT' | 'DOCTOR' | 'STAFF' },
): Promise<{ token: string; id: string }> {
  try {
    await api.call('mutation($input: CreateUserInput!) { createUser(input: $input) { id } }', { input: account }, api.adminToken);
  } catch (error) {
    if (!(error instanceof GraphQLCallError && error.field === 'input.email')) throw error;
  }
  const { login } = await api.call<{ login: { accessToken: string; user: { id: string; role: string } } }>(
    'mutation($input: LoginInput!) { login(input: $input) { accessToken user { id role } } }',
    { input: { email: account.email, password: account.password } },
  );
  if (login.user.role !== account.role) throw new Error(`${account.email} exists but is a ${login.user.role} account`);
  return { token: login.accessToken, id: login.user.id };
}
