import type { DoctorsContext } from '../context.ts';
import type { MedicalServiceRow } from '../db/schema.ts';
import type { QueryServicesArgs } from '../generated/resolvers-types.ts';
import { listMedicalServices } from '../repository/medical-services.ts';

/** The medical-service catalogue (anyone), by kind, the deactivated services only when asked for. */
export function findServices(ctx: DoctorsContext, args: QueryServicesArgs): Promise<MedicalServiceRow[]> {
  return listMedicalServices(ctx.db, { kind: args.kind ?? null, includeInactive: args.includeInactive ?? false });
}
