import type { SeedApi } from './api.ts';
import type { Seeded, SeedLog } from './directory.ts';

/**
 * PATIENTS PART OF THE SEED — to be filled by the patients subgraph's owner.
 * Called after the directory is seeded; `seeded` has the clinic, service and doctor ids by name.
 * Keep it idempotent like the rest (skip what exists).
 */
export async function seedPatients(_api: SeedApi, _seeded: Seeded, log: SeedLog): Promise<void> {
  log('patients: nothing to seed yet');
}
