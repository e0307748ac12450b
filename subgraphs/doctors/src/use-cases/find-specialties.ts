import type { DoctorsContext } from '../context.ts';
import { listSpecialtiesOfActiveDoctors } from '../repository/doctors.ts';

/** The specialties active doctors have (anyone). */
export function findSpecialties(ctx: DoctorsContext): Promise<string[]> {
  return listSpecialtiesOfActiveDoctors(ctx.db);
}
