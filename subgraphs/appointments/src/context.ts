import DataLoader from 'dataloader';
import { alignById, groupByKeys, isUuid, type BaseContext } from '@medappt/platform';
import type { AppointmentRow, AvailabilityRow, StatusChangeRow, TimeOffRow } from './db/schema.ts';
import type { SharedWork } from './domain/shared-work.ts';
import type { ClinicPolicy } from './domain/status-transitions.ts';
import { appointmentsOfClinics, findAppointmentsByIds, historyOf } from './repository/appointments.ts';
import type { AppointmentsDb } from './repository/db.ts';
import { availabilityRowsOf, timeOffOf } from './repository/working-hours.ts';
import type { SlotModel } from './use-cases/slot-search.ts';

export interface AppointmentsContext extends BaseContext {
  readonly db: AppointmentsDb;
  /** The clock: injectable so tests and reminders never depend on wall time. */
  readonly now: () => Date;
  readonly policy: ClinicPolicy;
  /** Per process: the alternatives a crowd losing one slot shares (booking-terms.ts). */
  readonly shared: SharedSearches;
  readonly loaders: ReturnType<typeof createLoaders>;
}

export interface SharedSearches {
  alternatives: SharedWork<SlotModel[]>;
}

/** A clinic schedule's loader key: the clinic and the range, so that a batch asks once per distinct range. */
export function clinicRangeKey(clinicId: string, from: Date, to: Date): string {
  return `${clinicId}|${from.toISOString()}|${to.toISOString()}`;
}

function parseClinicRangeKey(key: string): { clinicId: string; from: Date; to: Date } {
  const [clinicId = '', from = '', to = ''] = key.split('|');
  return { clinicId, from: new Date(from), to: new Date(to) };
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
    // Clinic lists: one query per batch of clinics (per distinct range for schedules), never one per clinic or doctor.
    pendingOfClinic: new DataLoader<string, AppointmentRow[]>(async (ids) =>
      groupByKeys(ids, await appointmentsOfClinics(db, ids.filter(isUuid), { statuses: ['REQUESTED'] }), (r) => r.clinicId),
    ),
    scheduleOfClinic: new DataLoader<string, AppointmentRow[]>(async (keys) => {
      const byRange = new Map<string, string[]>();
      for (const key of keys) {
        const { clinicId, from, to } = parseClinicRangeKey(key);
        if (!isUuid(clinicId)) continue;
        const range = clinicRangeKey('', from, to);
        byRange.set(range, [...(byRange.get(range) ?? []), clinicId]);
      }
      const rows = (
        await Promise.all(
          [...byRange].map(async ([range, clinicIds]) => {
            const { from, to } = parseClinicRangeKey(range);
            return (await appointmentsOfClinics(db, clinicIds, { from, to })).map((r) => ({ row: r, key: clinicRangeKey(r.clinicId, from, to) }));
          }),
        )
      ).flat();
      return groupByKeys(keys, rows, (r) => r.key).map((group) => group.map((r) => r.row));
    }),
  };
}

export function createAppointmentsContext(
  base: BaseContext,
  deps: { db: AppointmentsDb; now: () => Date; policy: ClinicPolicy; shared: SharedSearches },
): AppointmentsContext {
  return { ...base, ...deps, loaders: createLoaders(deps.db) };
}
