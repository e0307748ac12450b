import { randomBytes } from 'node:crypto';
import { PASSWORD, accountWithRole, client, uniqueEmail, type AuthPayload } from '@medappt/testkit';

export const c = client();

const sessions = new Map<string, Promise<AuthPayload>>();
/** One signed-in account per role per test file (tokens last 15 minutes, longer than a file runs). */
export function signedIn(role: 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN'): Promise<AuthPayload> {
  let session = sessions.get(role);
  if (!session) {
    session = accountWithRole(role, c);
    sessions.set(role, session);
  }
  return session;
}
export const staffToken = async (): Promise<string> => (await signedIn('STAFF')).accessToken;
export const adminToken = async (): Promise<string> => (await signedIn('ADMIN')).accessToken;

export const unique = (label: string): string => `${label} ${randomBytes(4).toString('hex')}`;

export const DOCTOR_FIELDS = 'id name specialties qualifications languages bio active clinic { id name timeZone } services { id name }';
export interface DoctorView {
  id: string;
  name: string;
  specialties: string[];
  qualifications: string[];
  languages: string[];
  bio: string | null;
  active: boolean;
  clinic: { id: string; name: string; timeZone: string };
  services: { id: string; name: string }[];
}
export const SERVICE_FIELDS = 'id name kind description durationMinutes price { amountCents currency } active';
export interface ServiceView {
  id: string;
  name: string;
  kind: string;
  description: string | null;
  durationMinutes: number;
  price: { amountCents: number; currency: string };
  active: boolean;
}
export const CLINIC_FIELDS = 'id name address timeZone phone';
export interface ClinicView {
  id: string;
  name: string;
  address: string;
  timeZone: string;
  phone: string | null;
}

async function mutate<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const result = await c.call<Record<string, T>>(query, variables, { token: token ?? (await staffToken()) });
  const value = result.data ? Object.values(result.data)[0] : undefined;
  if (result.errors || !value) throw new Error(`${query.slice(0, 40)}... failed: ${JSON.stringify(result.errors)}`);
  return value;
}

/** A new DOCTOR account (created by an admin, not signed in): what a doctor profile is for. */
export async function doctorAccount(role: 'PATIENT' | 'DOCTOR' | 'STAFF' | 'ADMIN' = 'DOCTOR'): Promise<string> {
  const created = await mutate<{ id: string }>(
    'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
    { input: { email: uniqueEmail(role.toLowerCase()), password: PASSWORD, name: unique('Account'), role } },
    await adminToken(),
  );
  return created.id;
}

/** Builders that create through the API as staff, with sensible defaults. */
export const seed = {
  clinic: (input: Partial<Omit<ClinicView, 'id'>> = {}): Promise<ClinicView> =>
    mutate(`mutation($input: CreateClinicInput!) { createClinic(input: $input) { ${CLINIC_FIELDS} } }`, {
      input: { name: unique('Clinic'), address: '1 Main Street', timeZone: 'Europe/Berlin', ...input },
    }),
  service: (input: Record<string, unknown> = {}): Promise<ServiceView> =>
    mutate(`mutation($input: CreateServiceInput!) { createService(input: $input) { ${SERVICE_FIELDS} } }`, {
      input: { name: unique('Service'), kind: 'CHECKUP', durationMinutes: 30, price: { amountCents: 5000, currency: 'EUR' }, ...input },
    }),
  /** A profile for a new DOCTOR account unless `userId` names one (its id is the account's, docs/adr/005). */
  doctor: async (input: { clinicId: string } & Record<string, unknown>): Promise<DoctorView> =>
    mutate(`mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { ${DOCTOR_FIELDS} } }`, {
      input: { userId: input['userId'] ?? (await doctorAccount()), name: unique('Dr.'), specialties: ['General Practice'], ...input },
    }),
};

/** A DOCTOR account signed in, with its profile. */
export async function doctorWithProfile(clinicId: string): Promise<{ session: AuthPayload; profile: DoctorView }> {
  const session = await accountWithRole('DOCTOR', c);
  const profile = await seed.doctor({ userId: session.user.id, clinicId, name: session.user.name });
  return { session, profile };
}

export const field = (result: { errors?: { extensions?: Record<string, unknown> }[] }): unknown => result.errors?.[0]?.extensions?.['field'];
