import { connect } from './api.ts';
import { seedDirectory, type SeedLog } from './directory.ts';
import { seedWorkingHours } from './hours.ts';
import { seedPatients } from './patients.ts';

export interface SeedOptions {
  routerUrl: string;
  admin: { email: string; password: string };
  /** What the seeded DOCTOR accounts sign in with. */
  doctorPassword: string;
  log?: SeedLog;
}

/** Seeds a running system through the router's public API, as the admin. Safe to run again. */
export async function seed(options: SeedOptions): Promise<void> {
  const log = options.log ?? ((message: string) => console.log(message));
  const api = await connect(options.routerUrl, options.admin);
  const seeded = await seedDirectory(api, { doctorPassword: options.doctorPassword, log });
  await seedWorkingHours(api, seeded, { staffPassword: options.doctorPassword, log });
  await seedPatients(api, seeded, log);
}
