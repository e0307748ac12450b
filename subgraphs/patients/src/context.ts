import DataLoader from 'dataloader';
import { alignById, groupByKeys, type BaseContext } from '@medappt/platform';
import type { PatientRow } from './db/schema.ts';
import { patientsInCareOf } from './repository/care.ts';
import type { PatientsDb } from './repository/db.ts';
import { findPatientsByIds } from './repository/patients.ts';
import { entriesOfPatients, type RecordKind, type RecordRow } from './repository/records.ts';

export interface PatientsContext extends BaseContext {
  readonly db: PatientsDb;
  readonly loaders: ReturnType<typeof createLoaders>;
}

function entriesLoader<K extends RecordKind>(db: PatientsDb, kind: K): DataLoader<string, RecordRow<K>[]> {
  return new DataLoader(async (patientIds) => groupByKeys(patientIds, await entriesOfPatients(db, kind, patientIds), (row) => row.patientId));
}

/** One loader per entity or relation, created per request: one SQL query per kind per request. */
function createLoaders(db: PatientsDb, base: BaseContext) {
  return {
    patientById: new DataLoader<string, PatientRow | null>(async (ids) => {
      return alignById(ids, await findPatientsByIds(db, ids));
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
