import { isUuid } from '@medappt/platform';
import DataLoader from 'dataloader';
import type { BaseContext } from '@medappt/platform';
import type { ClinicRow, DoctorRow, MedicalServiceRow } from './db/schema.ts';
import { findClinicsByIds } from './repository/clinics.ts';
import type { DoctorsDb } from './repository/db.ts';
import { activeDoctorsOfServices, findDoctorsByIds } from './repository/doctors.ts';
import { activeServicesOfDoctors, findMedicalServicesByIds } from './repository/medical-services.ts';

export interface DoctorsLoaders {
  readonly doctorById: DataLoader<string, DoctorRow | null>;
  readonly clinicById: DataLoader<string, ClinicRow | null>;
  readonly serviceById: DataLoader<string, MedicalServiceRow | null>;
  readonly servicesOfDoctor: DataLoader<string, MedicalServiceRow[]>;
  readonly doctorsOfService: DataLoader<string, DoctorRow[]>;
}

export interface DoctorsContext extends BaseContext {
  readonly db: DoctorsDb;
  readonly loaders: DoctorsLoaders;
}

/** One query per batch of keys; a key that is not a UUID cannot match and never reaches Postgres. */
function rowsById<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (keys) => {
    const ids = keys.filter(isUuid);
    const byId = new Map((await find(ids)).map((row) => [row.id, row]));
    return keys.map((key) => byId.get(key.toLowerCase()) ?? null);
  });
}

function groupedBy<T>(find: (ids: string[]) => Promise<{ key: string; row: T }[]>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<string, T[]>();
    for (const { key, row } of await find(keys.filter(isUuid))) {
      const group = groups.get(key);
      if (group) group.push(row);
      else groups.set(key, [row]);
    }
    return keys.map((key) => groups.get(key.toLowerCase()) ?? []);
  });
}

/** Loaders live per request, so one request's batch never serves another's caller. */
export function createDoctorsContext(base: BaseContext, deps: { db: DoctorsDb }): DoctorsContext {
  const { db } = deps;
  return {
    ...base,
    db,
    loaders: {
      doctorById: rowsById((ids) => findDoctorsByIds(db, ids)),
      clinicById: rowsById((ids) => findClinicsByIds(db, ids)),
      serviceById: rowsById((ids) => findMedicalServicesByIds(db, ids)),
      servicesOfDoctor: groupedBy(async (ids) =>
        (await activeServicesOfDoctors(db, ids)).map(({ doctorId, service }) => ({ key: doctorId, row: service })),
      ),
      doctorsOfService: groupedBy(async (ids) =>
        (await activeDoctorsOfServices(db, ids)).map(({ serviceId, doctor }) => ({ key: serviceId, row: doctor })),
      ),
    },
  };
}
