/** What the resolvers of each type receive (adr/013); codegen reads the `<Type>Mapper` exports. */
import type { AdminActionRow, Connection, Edge } from '@medappt/platform';
import type { ClinicPriceRow, ClinicRow, DoctorRow, MedicalServiceRow } from './db/schema.ts';
import type { Money } from './domain/price-rules.ts';

export type DoctorMapper = DoctorRow;
export type ClinicMapper = ClinicRow;
export type MedicalServiceMapper = MedicalServiceRow;
export type ClinicPriceMapper = ClinicPriceRow;
export type AdminActionMapper = AdminActionRow;

/** A User as this subgraph knows it: only the key. The users subgraph resolves everything else. */
export interface UserMapper {
  id: string;
}

export type DoctorEdgeMapper = Edge<DoctorRow>;
/** A page of the directory; the total is counted only when a client asks for it. */
export interface DoctorConnectionMapper extends Connection<DoctorRow> {
  totalCount(): Promise<number>;
}

/** A service with what it costs at one clinic (null: no price in the clinic's currency yet). */
export interface ServicePriceMapper {
  service: MedicalServiceRow;
  price: Money | null;
}
