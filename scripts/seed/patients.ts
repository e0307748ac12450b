import { seedAccount } from './accounts.ts';
import type { SeedApi } from './api.ts';
import type { Seeded, SeedLog } from './directory.ts';

const NAMES = [
  'Ana López',
  'Björn Svensson',
  'Chloé Martin',
  'Dmitri Ivanov',
  'Emeka Obi',
  'Fatima Zahra',
  'Giulia Rossi',
  'Hiroshi Tanaka',
  'Ingrid Berg',
  'Jamal Hassan',
  'Kavya Iyer',
  'Liam Murphy',
  'María Fernández',
  'Noah Schmidt',
  'Olivia Brown',
  'Priya Nair',
  'Quentin Dubois',
  'Rosa Díaz',
  'Sven Larsen',
  'Tomasz Nowak',
];

/** 20 patients with profiles (they sign in as patient01@example.com ... with the given password). */
export async function seedPatients(
  api: SeedApi,
  _seeded: Seeded,
  log: SeedLog,
  options: { password: string } = { password: 'patient-password' },
): Promise<void> {
  for (const [i, name] of NAMES.entries()) {
    const email = `patient${String(i + 1).padStart(2, '0')}@example.com`;
    const { token } = await seedAccount(api, { email, password: options.password, name, role: 'PATIENT' });
    await api.call(
      'mutation($input: PatientProfileInput!) { savePatientProfile(input: $input) { id } }',
      { input: { name, dateOfBirth: `${1950 + i * 2}-0${(i % 9) + 1}-1${i % 10}`, sex: i % 2 ? 'MALE' : 'FEMALE', email } },
      token,
    );
  }
  log(`patients: ${NAMES.length} with profiles (patient01@example.com ... / ${options.password})`);
}
