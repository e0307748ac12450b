import DataLoader from 'dataloader';
import { alignById, groupByKeys, type BaseContext } from '@medappt/platform';
import type { PatientRow } from './db/schema.ts';
import { careAccess, NO_CARE, type CareAccess } from './domain/care-relation.ts';
import { careAppointmentsOf } from './repository/care.ts';
import type { PatientsDb } from './repository/db.ts';
import { findPatientsByIds } from './repository/patients.ts';
import { entriesOfPatients, type RecordKind, type RecordRow } from './repository/records.ts';

export interface PatientsDeps {
  readonly db: PatientsDb;
  /** The clock: injectable so tests never depend on wall time. */
  readonly now: () => Date;
  /** CARE_ACCESS_DAYS. */
  readonly careAccessDays: number;
}

export interface PatientsContext extends BaseContext, PatientsDeps {
  readonly loaders: ReturnType<typeof createLoaders>;
}

function entriesLoader<K extends RecordKind>(db: PatientsDb, kind: K): DataLoader<string, RecordRow<K>[]> {
  return new DataLoader(async (patientIds) => groupByKeys(patientIds, await entriesOfPatients(db, kind, patientIds), (row) => row.patientId));
}

/** One loader per entity or relation, created per request: one SQL query per kind per request. */
function createLoaders({ db, now, careAccessDays }: PatientsDeps, base: BaseContext) {
  return {
    patientById: new DataLoader<string, PatientRow | null>(async (ids) => {
      return alignById(ids, await findPatientsByIds(db, ids));
    }),
    /** patientId → what the viewing doctor's appointments with them let them see. */
    careOfViewer: new DataLoader<string, CareAccess>(async (patientIds) => {
      const doctorId = base.auth.viewer?.userId;
      if (!doctorId) return patientIds.map(() => NO_CARE);
      const byPatient = groupByKeys(patientIds, await careAppointmentsOf(db, doctorId, patientIds), (row) => row.patientId);
      const at = now();
      return byPatient.map((rows) => careAccess(rows, at, careAccessDays));
    }),
    history: entriesLoader(db, 'history'),
    allergies: entriesLoader(db, 'allergies'),
    medications: entriesLoader(db, 'medications'),
  };
}

export function createPatientsContext(base: BaseContext, deps: PatientsDeps): PatientsContext {
  return { ...base, ...deps, loaders: createLoaders(deps, base) };
}
