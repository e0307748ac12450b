import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PASSWORD, accountWithRole, adminSession, client, eventually, registeredPatient, type GraphQLResult } from '@medappt/testkit';

const DISABLE = 'mutation($id: ID!) { disableUser(id: $id) { id disabled } }';
const DISABLED = 'This account is disabled.';
const ENDED = 'This session has ended; sign in again.';

type Client = ReturnType<typeof client>;
/** What one subgraph answered a token: 'ok', or the first error's code and message. */
type Outcome = { code: string; message?: string };
type Probe = (c: Client, token: string) => Promise<GraphQLResult>;

const outcome = (result: GraphQLResult): Outcome => {
  const error = result.errors?.[0];
  return error ? { code: String(error.extensions?.['code']), message: error.message } : { code: 'ok' };
};

/** One call per subgraph, each answered by that subgraph's own verifier. */
const patientProbes: Record<string, Probe> = {
  users: (c, token) => c.call('{ me { id } }', {}, { token }),
  'patients (savePatientProfile)': (c, token) => c.call('mutation { savePatientProfile(input: { name: "Pat Ient" }) { id } }', {}, { token }),
  'patients (myPatientProfile)': (c, token) => c.call('{ myPatientProfile { id } }', {}, { token }),
  notifications: (c, token) => c.call('mutation { setNotificationPreferences(input: { locale: "en" }) { locale } }', {}, { token }),
  // An unknown doctor: NOT_FOUND while the token is good, UNAUTHENTICATED once it is not.
  appointments: (c, token) =>
    c.call(
      'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { __typename } }',
      { i: { doctorId: randomUUID(), serviceId: randomUUID(), start: new Date(Date.now() + 7 * 86_400_000).toISOString() } },
      { token },
    ),
};

/** Polls every probe at once; returns how long after `since` each one first refused the token. */
async function refusalTimes(c: Client, probes: Record<string, Probe>, token: string, since: number): Promise<Record<string, { ms: number; message?: string }>> {
  const entries = await Promise.all(
    Object.entries(probes).map(async ([name, probe]) => {
      const refused = await eventually(
        async () => {
          const o = outcome(await probe(c, token));
          return o.code === 'UNAUTHENTICATED' ? o : undefined;
        },
        { timeoutMs: 10_000, intervalMs: 50 },
      );
      return [name, { ms: Date.now() - since, message: refused.message }] as const;
    }),
  );
  return Object.fromEntries(entries);
}

async function expectAccepted(c: Client, probes: Record<string, Probe>, token: string): Promise<void> {
  for (const [name, probe] of Object.entries(probes)) {
    expect({ name, ...outcome(await probe(c, token)) }).toMatchObject({ name, code: expect.not.stringMatching(/^UNAUTHENTICATED$/) });
  }
}

describe('a disabled account', () => {
  it('has its access tokens refused by every subgraph within seconds', async () => {
    const c = client();
    const admin = await adminSession(c);
    const { session } = await registeredPatient();
    await expectAccepted(c, patientProbes, session.accessToken);

    const since = Date.now();
    const disabled = await c.call(DISABLE, { id: session.user.id }, { token: admin.accessToken });
    expect(disabled.errors).toBeUndefined();
    const times = await refusalTimes(c, patientProbes, session.accessToken, since);
    console.log('disableUser → first refusal (ms):', Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.ms])));
    for (const { ms, message } of Object.values(times)) {
      expect(message).toBe(DISABLED);
      expect(ms).toBeLessThan(5_000);
    }
    // The admin who did it is not touched.
    expect(outcome(await c.me(admin.accessToken))).toEqual({ code: 'ok' });
  });

  it('as a DOCTOR can no longer update its doctor profile', async () => {
    const c = client();
    const admin = await adminSession(c);
    const doctor = await accountWithRole('DOCTOR', c);
    const clinic = await c.call<{ createClinic: { id: string } }>(
      'mutation { createClinic(input: { name: "Revocation Clinic", address: "1 Way", timeZone: "Europe/Berlin" }) { id } }',
      {},
      { token: admin.accessToken },
    );
    const created = await c.call(
      'mutation($i: CreateDoctorInput!) { createDoctor(input: $i) { id } }',
      { i: { userId: doctor.user.id, name: 'Dr. Revoked', specialties: ['Dermatology'], clinicId: clinic.data!.createClinic.id } },
      { token: admin.accessToken },
    );
    expect(created.errors).toBeUndefined();
    const probes: Record<string, Probe> = {
      doctors: (cc, token) => cc.call('mutation($id: ID!) { updateDoctor(id: $id, input: { bio: "Still here" }) { id } }', { id: doctor.user.id }, { token }),
    };
    await expectAccepted(c, probes, doctor.accessToken);

    const since = Date.now();
    await c.call(DISABLE, { id: doctor.user.id }, { token: admin.accessToken });
    const times = await refusalTimes(c, probes, doctor.accessToken, since);
    console.log('disableUser → first refusal (ms):', { doctors: times['doctors']?.ms });
    expect(times['doctors']?.message).toBe(DISABLED);
    expect(times['doctors']?.ms).toBeLessThan(5_000);
  });
});

describe('a session that ended', () => {
  it('after logout, has its access token refused everywhere, while another session and a new sign-in keep working', async () => {
    const c = client();
    const { email, session: first } = await registeredPatient();
    const second = (await c.login(email, PASSWORD)).data!.login;
    await expectAccepted(c, patientProbes, first.accessToken);

    const since = Date.now();
    expect((await c.logout(first.refreshToken)).data?.logout).toBe(true);
    const times = await refusalTimes(c, patientProbes, first.accessToken, since);
    console.log('logout → first refusal (ms):', Object.fromEntries(Object.entries(times).map(([k, v]) => [k, v.ms])));
    for (const { ms, message } of Object.values(times)) {
      expect(message).toBe(ENDED);
      expect(ms).toBeLessThan(5_000);
    }

    await expectAccepted(c, patientProbes, second.accessToken);
    const third = (await c.login(email, PASSWORD)).data!.login;
    await expectAccepted(c, patientProbes, third.accessToken);
    // The ended session cannot be revived by its refresh token either.
    expect(outcome(await c.refresh(first.refreshToken)).code).toBe('UNAUTHENTICATED');
  });

  it('after a rotated refresh token is used again, has every access token of its family refused', async () => {
    const c = client();
    const { email, session } = await registeredPatient();
    const other = (await c.login(email, PASSWORD)).data!.login;
    const rotated = (await c.refresh(session.refreshToken)).data!.refreshToken;
    await expectAccepted(c, patientProbes, rotated.accessToken);

    const since = Date.now();
    expect(outcome(await c.refresh(session.refreshToken)).code).toBe('UNAUTHENTICATED');
    const times = await refusalTimes(c, patientProbes, rotated.accessToken, since);
    for (const { ms, message } of Object.values(times)) {
      expect(message).toBe(ENDED);
      expect(ms).toBeLessThan(5_000);
    }
    expect(outcome(await c.me(session.accessToken))).toMatchObject({ code: 'UNAUTHENTICATED', message: ENDED });
    await expectAccepted(c, patientProbes, other.accessToken);
  });
});
