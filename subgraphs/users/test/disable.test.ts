import { describe, expect, it } from 'vitest';
import { Topics } from '@medappt/platform';
import { PASSWORD, accountWithRole, adminSession, client, errorCodes, eventually, registeredPatient, waitForMessage } from '@medappt/testkit';

const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabled role } }';

describe('disabling an account', () => {
  it('ends its sessions, refuses its sign-ins, and tells the other services', async () => {
    const c = client();
    const admin = await adminSession(c);
    const doctor = await accountWithRole('DOCTOR', c);

    const disabled = await c.call<{ disableUser: { disabled: boolean; role: string } }>(DISABLE, { id: doctor.user.id }, { token: admin.accessToken });
    expect(disabled.data?.disableUser).toEqual({ id: doctor.user.id, disabled: true, role: 'DOCTOR' });

    const login = await c.login(doctor.user.email!, PASSWORD);
    expect(errorCodes(login)).toEqual(['UNAUTHENTICATED']);
    expect(login.errors?.[0]?.message).toMatch(/disabled/);
    expect(errorCodes(await c.refresh(doctor.refreshToken))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await c.me(doctor.accessToken))).toEqual(['UNAUTHENTICATED']);

    const event = await waitForMessage(Topics.users.name, (m) => m.key === doctor.user.id && m.value.includes('"user.disabled"'));
    const envelope = JSON.parse(event.value) as { type: string; payload: { userId: string; role: string; disabledAt: string | null } };
    expect(envelope.payload).toMatchObject({ userId: doctor.user.id, role: 'DOCTOR' });
    expect(envelope.payload.disabledAt).not.toBeNull();
    expect(event.value).not.toMatch(/password|hash/i);
  });

  it('is for admins only, never on oneself, and names unknown accounts', async () => {
    const c = client();
    const admin = await adminSession(c);
    const { session } = await registeredPatient();
    expect(errorCodes(await c.call(DISABLE, { id: admin.user.id }, { token: session.accessToken }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await c.call(DISABLE, { id: admin.user.id }, { token: admin.accessToken }))).toEqual(['FORBIDDEN']);
    // Not by writing one's own id in capitals either (an admin of its own, so a slip cannot lock out the shared one).
    const other = await accountWithRole('ADMIN', c);
    expect(errorCodes(await c.call(DISABLE, { id: other.user.id.toUpperCase() }, { token: other.accessToken }))).toEqual(['FORBIDDEN']);
    expect((await c.me(other.accessToken)).errors).toBeUndefined();
    expect(errorCodes(await c.call(DISABLE, { id: '00000000-0000-4000-8000-000000000000' }, { token: admin.accessToken }))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await c.call(DISABLE, { id: 'not-an-id' }, { token: admin.accessToken }))).toEqual(['NOT_FOUND']);
  });

  it('publishes user.created for new accounts', async () => {
    const { session } = await registeredPatient();
    const event = await waitForMessage(Topics.users.name, (m) => m.key === session.user.id);
    expect(JSON.parse(event.value)).toMatchObject({ type: 'user.created', payload: { userId: session.user.id, role: 'PATIENT', disabledAt: null } });
  });
});

describe('a disabled doctor account', () => {
  it('has its doctor profile deactivated, through users.events.v1', async () => {
    const c = client();
    const admin = await adminSession(c);
    const doctor = await accountWithRole('DOCTOR', c);
    const clinic = await c.call<{ createClinic: { id: string } }>(
      'mutation { createClinic(input: { name: "Disable Clinic", address: "1 Way", timeZone: "Europe/Berlin" }) { id } }',
      {},
      { token: admin.accessToken },
    );
    await c.call(
      'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }',
      { i: { userId: doctor.user.id, name: 'Dr. Leaving', specialties: ['Dermatology'], clinicId: clinic.data!.createClinic.id } },
      { token: admin.accessToken },
    );
    const active = async () =>
      (await c.call<{ doctor: { active: boolean } }>('query($id: ID!) { doctor(id: $id) { active } }', { id: doctor.user.id })).data?.doctor.active;
    expect(await active()).toBe(true);
    await c.call(DISABLE, { id: doctor.user.id }, { token: admin.accessToken });
    expect(await eventually(async () => ((await active()) === false ? true : undefined))).toBe(true);
  });
});
