import type { DoctorsContext } from '../context.ts';
import type { ClinicRow } from '../db/schema.ts';
import type { QueryClinicsArgs } from '../generated/resolvers-types.ts';
import { listClinics } from '../repository/clinics.ts';

/** The clinics (anyone), the deactivated ones only when asked for. */
export function findClinics(ctx: DoctorsContext, args: QueryClinicsArgs): Promise<ClinicRow[]> {
  return listClinics(ctx.db, { includeInactive: args.includeInactive ?? false });
}
