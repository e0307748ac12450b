import DataLoader from 'dataloader';
import type { BaseContext } from '@medappt/platform';
import type { AppointmentRow, StatusChangeRow } from './db/schema.ts';
import type { ClinicPolicy } from './domain/status-transitions.ts';
import { findAppointmentsByIds, historyOf } from './repository/appointments.ts';
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
    appointmentById: new DataLoader<string, AppointmentRow | null>(async (ids) => {
      const byId = new Map((await findAppointmentsByIds(db, ids)).map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    historyOf: new DataLoader<string, StatusChangeRow[]>(async (ids) => {
      const rows = await historyOf(db, ids);
      return ids.map((id) => rows.filter((r) => r.appointmentId === id));
    }),
  };
}

export function createAppointmentsContext(base: BaseContext, deps: { db: AppointmentsDb; now: () => Date; policy: ClinicPolicy }): AppointmentsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
