import DataLoader from 'dataloader';
import type { BaseContext } from '@medappt/platform';
import type { PatientRow } from './db/schema.ts';
import { patientsInCareOf } from './repository/care.ts';
import type { PatientsDb } from './repository/db.ts';
import { findPatientsByIds } from './repository/patients.ts';
import { entriesOfPatients, type RecordKind, type RecordRow } from './repository/records.ts';

export interface PatientsContext extends BaseContext {
  readonly db: PatientsDb;
  readonly loaders: ReturnType<typeof createLoaders>;
}

function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

function entriesLoader<K extends RecordKind>(db: PatientsDb, kind: K): DataLoader<string, RecordRow<K>[]> {
  return new DataLoader(async (patientIds) => groupBy(patientIds, await entriesOfPatients(db, kind, patientIds), (row) => row.patientId));
}

/** One loader per entity or relation, created per request: one SQL query per kind per request. */
function createLoaders(db: PatientsDb, base: BaseContext) {
  return {
    patientById: new DataLoader<string, PatientRow | null>(async (ids) => {
      const byId = new Map((await findPatientsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    /** patientId → the viewing doctor has or had an appointment with them. */
    inCareOfViewer: new DataLoader<string, boolean>(async (patientIds) => {
      const doctorId = base.auth.viewer?.userId;
      if (!doctorId) return patientIds.map(() => false);
      const inCare = await patientsInCareOf(db, doctorId, patientIds);
      return patientIds.map((id) => inCare.has(id));
    }),
    history: entriesLoader(db, 'history'),
    allergies: entriesLoader(db, 'allergies'),
    medications: entriesLoader(db, 'medications'),
  };
}

export function createPatientsContext(base: BaseContext, db: PatientsDb): PatientsContext {
  return { ...base, db, loaders: createLoaders(db, base) };
}
