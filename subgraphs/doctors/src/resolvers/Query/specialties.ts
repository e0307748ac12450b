import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listSpecialtiesOfActiveDoctors } from '../../repository/doctors.ts';

export const specialties: NonNullable<QueryResolvers['specialties']> = (_parent, _args, ctx) => listSpecialtiesOfActiveDoctors(ctx.db);
