import { alignById, groupByKeys, isUuid, type BaseContext } from '@medappt/platform';
import DataLoader from 'dataloader';
import type { ClinicPriceRow, ClinicRow, DoctorRow, MedicalServiceRow } from './db/schema.ts';
import { servicePriceAt, type Money } from './domain/price-rules.ts';
import { priceEntriesFor, pricesOfClinics, servicePricesOfDoctors } from './repository/clinic-prices.ts';
import { findClinicsByIds } from './repository/clinics.ts';
import type { DoctorsDb } from './repository/db.ts';
import { activeDoctorsOfServices, findDoctorsByIds } from './repository/doctors.ts';
import { activeServicesOfDoctors, findMedicalServicesByIds } from './repository/medical-services.ts';
import type { ServicePriceMapper } from './schema.mappers.ts';

export interface DoctorsLoaders {
  readonly doctorById: DataLoader<string, DoctorRow | null>;
  readonly clinicById: DataLoader<string, ClinicRow | null>;
  readonly serviceById: DataLoader<string, MedicalServiceRow | null>;
  readonly servicesOfDoctor: DataLoader<string, MedicalServiceRow[]>;
  readonly doctorsOfService: DataLoader<string, DoctorRow[]>;
  readonly servicePricesOfDoctor: DataLoader<string, ServicePriceMapper[]>;
  readonly pricesOfClinic: DataLoader<string, ClinicPriceRow[]>;
  /** undefined: no such clinic; null: no price there in the clinic's currency. */
  readonly priceAt: DataLoader<{ service: MedicalServiceRow; clinicId: string }, Money | null | undefined, string>;
}

export interface DoctorsContext extends BaseContext {
  readonly db: DoctorsDb;
  readonly loaders: DoctorsLoaders;
}

/** One query per batch of keys; a key that is not a UUID cannot match and never reaches Postgres. */
function rowsById<T extends { id: string }>(find: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return new DataLoader(async (keys) =>
    alignById(
      keys.map((key) => key.toLowerCase()),
      await find(keys.filter(isUuid)),
    ),
  );
}

function groupedBy<T>(find: (ids: string[]) => Promise<{ key: string; row: T }[]>): DataLoader<string, T[]> {
  return new DataLoader(async (keys) =>
    groupByKeys(
      keys.map((key) => key.toLowerCase()),
      await find(keys.filter(isUuid)),
      (found) => found.key,
    ).map((group) => group.map((found) => found.row)),
  );
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
      servicesOfDoctor: groupedBy(async (ids) => (await activeServicesOfDoctors(db, ids)).map(({ doctorId, service }) => ({ key: doctorId, row: service }))),
      doctorsOfService: groupedBy(async (ids) => (await activeDoctorsOfServices(db, ids)).map(({ serviceId, doctor }) => ({ key: serviceId, row: doctor }))),
      servicePricesOfDoctor: groupedBy(async (ids) =>
        (await servicePricesOfDoctors(db, ids)).map(({ doctorId, service, clinicCurrency, entry }) => ({
          key: doctorId,
          row: { service, price: servicePriceAt(service, clinicCurrency, entry) },
        })),
      ),
      pricesOfClinic: groupedBy(async (ids) => (await pricesOfClinics(db, ids)).map((entry) => ({ key: entry.clinicId, row: entry }))),
      priceAt: new DataLoader(
        async (keys) => {
          const pairs = keys.map((k) => ({ service: k.service, clinicId: k.clinicId.toLowerCase() }));
          const found = await priceEntriesFor(
            db,
            pairs.filter((p) => isUuid(p.clinicId)).map((p) => ({ serviceId: p.service.id, clinicId: p.clinicId })),
          );
          const currencyOf = new Map(found.map((row) => [row.clinicId, row.clinicCurrency]));
          const entryOf = new Map(found.flatMap((row) => (row.entry ? [[`${row.entry.serviceId}|${row.clinicId}`, row.entry] as const] : [])));
          return pairs.map(({ service, clinicId }) => {
            const currency = currencyOf.get(clinicId);
            return currency === undefined ? undefined : servicePriceAt(service, currency, entryOf.get(`${service.id}|${clinicId}`) ?? null);
          });
        },
        { cacheKeyFn: (k) => `${k.service.id}|${k.clinicId.toLowerCase()}` },
      ),
    },
  };
}
