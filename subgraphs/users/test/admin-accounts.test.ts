import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { PASSWORD, adminSession, client, errorCodes, registeredPatient, uniqueEmail, waitForMessage } from '@medappt/testkit';

const USERS = `query($search: String, $role: Role, $first: Int, $after: String) {
  users(search: $search, role: $role, first: $first, after: $after) { edges { cursor node { id name email role disabled } } pageInfo { hasNextPage endCursor } }
}`;
const SET_ROLE = 'mutation($id: ID!, $role: Role!) { setUserRole(id: $id, role: $role) { id role } }';
const ENABLE = 'mutation($id: ID!) { enableUser(id: $id) { id disabled } }';
const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabled } }';
const LOG = 'query($id: ID) { usersAdminLog(entityId: $id) { action entityType entityId actorId changes } }';

interface UserNode {
  id: string;
  name: string;
  email: string;
  role: string;
  disabled: boolean;
}
type UsersPage = { users: { edges: { cursor: string; node: UserNode }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };

describe('an admin managing accounts through the router', () => {
  it('lists and finds accounts by name or email, ignoring case, by role, a page at a time', async () => {
    const c = client();
    const admin = await adminSession(c);
    const tag = randomBytes(4).toString('hex');
    const create = (name: string, role: string, email = uniqueEmail(`${tag}.x`)) =>
      c.call<{ createUser: { id: string } }>(
        'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
        { i: { email, password: PASSWORD, name, role } },
        { token: admin.accessToken },
      );
    const anna = (await create(`Anna ${tag}`, 'DOCTOR')).data!.createUser.id;
    const bert = (await create(`Bert ${tag}`, 'STAFF')).data!.createUser.id;
    const byMail = (await create('Carla Nomatch', 'PATIENT', `carla.${tag}@example.com`)).data!.createUser.id;

    const list = async (variables: Record<string, unknown>) => {
      const result = await c.call<UsersPage>(USERS, variables, { token: admin.accessToken });
      expect(result.errors).toBeUndefined();
      return result.data!.users;
    };
    // By name (upper case finds lower) and by email: every account of the tag, in (name, id) order.
    const all = await list({ search: tag.toUpperCase() });
    expect(all.edges.map((e) => e.node.id)).toEqual([anna, bert, byMail]);
    expect(all.edges[2]!.node.email).toBe(`carla.${tag}@example.com`);
    expect((await list({ search: tag, role: 'STAFF' })).edges.map((e) => e.node.id)).toEqual([bert]);

    const first = await list({ search: tag, first: 2 });
    expect(first.edges.map((e) => e.node.id)).toEqual([anna, bert]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await list({ search: tag, first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((e) => e.node.id)).toEqual([byMail]);
    expect(rest.pageInfo.hasNextPage).toBe(false);

    // A search term is text, not a pattern.
    expect((await list({ search: `${tag}%` })).edges).toEqual([]);
    const bad = await c.call(USERS, { after: 'nonsense' }, { token: admin.accessToken });
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
  });

  it('changes a role: the account signs in with it, other services hear of it, the admin log has it', async () => {
    const c = client();
    const admin = await adminSession(c);
    const { email, session } = await registeredPatient();
    const id = session.user.id;

    const changed = await c.call<{ setUserRole: { id: string; role: string } }>(SET_ROLE, { id, role: 'STAFF' }, { token: admin.accessToken });
    expect(changed.data?.setUserRole).toEqual({ id, role: 'STAFF' });
    const login = await c.login(email, PASSWORD);
    expect(login.data?.login.user.role).toBe('STAFF');

    const event = await waitForMessage(Topics.users.name, (m) => m.key === id && m.value.includes('"user.role_changed"'));
    expect(JSON.parse(event.value)).toMatchObject({ type: 'user.role_changed', payload: { userId: id, role: 'STAFF', disabledAt: null } });

    const log = await c.call<{ usersAdminLog: { action: string; entityType: string; actorId: string; changes: string }[] }>(
      LOG,
      { id },
      { token: admin.accessToken },
    );
    expect(log.data?.usersAdminLog[0]).toMatchObject({ action: 'user.setRole', entityType: 'User', actorId: admin.user.id });
    expect(JSON.parse(log.data!.usersAdminLog[0]!.changes)).toEqual({ role: 'STAFF', previousRole: 'PATIENT' });
  });

  it('enables a disabled account again', async () => {
    const c = client();
    const admin = await adminSession(c);
    const { email, session } = await registeredPatient();
    const id = session.user.id;
    await c.call(DISABLE, { id }, { token: admin.accessToken });
    expect(errorCodes(await c.login(email, PASSWORD))).toEqual(['UNAUTHENTICATED']);

    const enabled = await c.call<{ enableUser: { id: string; disabled: boolean } }>(ENABLE, { id }, { token: admin.accessToken });
    expect(enabled.data?.enableUser).toEqual({ id, disabled: false });
    expect((await c.login(email, PASSWORD)).data?.login.user.id).toBe(id);

    const event = await waitForMessage(Topics.users.name, (m) => m.key === id && m.value.includes('"user.enabled"'));
    expect(JSON.parse(event.value)).toMatchObject({ payload: { userId: id, role: 'PATIENT', disabledAt: null } });
    const log = await c.call<{ usersAdminLog: { action: string }[] }>(LOG, { id }, { token: admin.accessToken });
    expect(log.data?.usersAdminLog.map((a) => a.action)).toEqual(['user.enable', 'user.disable']);
  });

  it("is for admins only, never changes one's own role, and names unknown accounts", async () => {
    const c = client();
    const admin = await adminSession(c);
    const { session } = await registeredPatient();
    const asPatient = { token: session.accessToken };
    expect(errorCodes(await c.call(USERS, {}, asPatient))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(SET_ROLE, { id: session.user.id, role: 'ADMIN' }, asPatient))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(ENABLE, { id: session.user.id }, asPatient))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(LOG, {}, asPatient))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(SET_ROLE, { id: admin.user.id, role: 'PATIENT' }, { token: admin.accessToken }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(SET_ROLE, { id: '00000000-0000-4000-8000-000000000000', role: 'STAFF' }, { token: admin.accessToken }))).toEqual([
      'NOT_FOUND',
    ]);
    expect(errorCodes(await c.call(ENABLE, { id: 'not-an-id' }, { token: admin.accessToken }))).toEqual(['NOT_FOUND']);
  });
});
