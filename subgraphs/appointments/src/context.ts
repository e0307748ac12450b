import DataLoader from 'dataloader';
import { alignById, groupByKeys, isUuid, type BaseContext } from '@medappt/platform';
import type { AppointmentRow, AvailabilityRow, StatusChangeRow, TimeOffRow } from './db/schema.ts';
import type { ClinicPolicy } from './domain/status-transitions.ts';
import { findAppointmentsByIds, historyOf } from './repository/appointments.ts';
import { availabilityRowsOf, timeOffOf } from './repository/availability.ts';
import type { AppointmentsDb } from './repository/db.ts';

export interface AppointmentsContext extends BaseContext {
  readonly db: AppointmentsDb;
  /** The clock: injectable so tests and reminders never depend on wall time. */
  readonly now: () => Date;
  readonly policy: ClinicPolicy;
  readonly loaders: ReturnType<typeof createLoaders>;
}

function createLoaders(db: AppointmentsDb) {
  return {
    // A malformed id (an entity reference, say) names nothing: it must not fail the whole batch in Postgres.
    appointmentById: new DataLoader<string, AppointmentRow | null>(async (ids) => alignById(ids, await findAppointmentsByIds(db, ids.filter(isUuid)))),
    historyOf: new DataLoader<string, StatusChangeRow[]>(async (ids) => groupByKeys(ids, await historyOf(db, ids), (r) => r.appointmentId)),
    // One row per doctor (doctor_id is the key of availabilities).
    availabilityOfDoctor: new DataLoader<string, AvailabilityRow | null>(async (ids) =>
      groupByKeys(ids, await availabilityRowsOf(db, ids), (r) => r.doctorId).map((rows) => rows[0] ?? null),
    ),
    timeOffOfDoctor: new DataLoader<string, TimeOffRow[]>(async (ids) => groupByKeys(ids, await timeOffOf(db, ids), (r) => r.doctorId)),
  };
}

export function createAppointmentsContext(base: BaseContext, deps: { db: AppointmentsDb; now: () => Date; policy: ClinicPolicy }): AppointmentsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
