/** The bench's GraphQL client: keep-alive fetch, token, and a typed result or a thrown error. */
export async function gql<T>(url: string, query: string, variables: object = {}, token?: string): Promise<{ data?: T; errors?: { message: string }[] }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T; errors?: { message: string }[] };
}

export async function must<T>(url: string, query: string, variables: object = {}, token?: string): Promise<T> {
  const result = await gql<T>(url, query, variables, token);
  if (result.errors || !result.data) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export async function login(url: string, email: string, password: string): Promise<string> {
  const data = await must<{ login: { accessToken: string } }>(url, 'mutation($i: LoginInput!) { login(input: $i) { accessToken } }', { i: { email, password } });
  return data.login.accessToken;
}

/** The service most seeded doctors offer: the widest slot search and booking target. */
export async function busiestService(url: string): Promise<{ id: string; name: string; doctors: { id: string }[] }> {
  const { services } = await must<{ services: { id: string; name: string; doctors: { id: string }[] }[] }>(url, '{ services { id name doctors { id } } }');
  const service = [...services].sort((a, b) => b.doctors.length - a.doctors.length)[0];
  if (!service) throw new Error('no services: run `pnpm seed` first');
  return service;
}
