/**
 * `pnpm seed`: demo data for a running system (`pnpm start`), through the router as the admin:
 * clinics, the service catalogue, 50 doctors with their DOCTOR accounts, then patients.
 * Run it again and it only adds what is missing.
 *
 *   ROUTER_URL      default http://127.0.0.1:4000/graphql
 *   ADMIN_EMAIL, ADMIN_PASSWORD   default: $DATA_DIR/admin.json (written by `pnpm start`)
 *   SEED_DOCTOR_PASSWORD          default doctor-password (how the seeded doctors sign in)
 */
import { adminCredentials } from './seed/admin.ts';
import { seed } from './seed/run.ts';

const doctorPassword = process.env['SEED_DOCTOR_PASSWORD'] ?? 'doctor-password';
const started = Date.now();
try {
  await seed({ routerUrl: process.env['ROUTER_URL'] ?? 'http://127.0.0.1:4000/graphql', admin: adminCredentials(), doctorPassword });
  console.log(`Seeded in ${((Date.now() - started) / 1000).toFixed(1)} s. Doctors sign in as e.g. jose.muller@doctors.clinic.local / ${doctorPassword}`);
} catch (error) {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
