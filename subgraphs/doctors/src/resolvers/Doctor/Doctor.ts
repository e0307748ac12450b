import type { DoctorResolvers } from '../../generated/resolvers-types.ts';

export const Doctor: DoctorResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.doctorById.load(reference.id),
  // The profile id is the account id (docs/adr/005).
  user: (doctor) => ({ id: doctor.id }),
  clinic: async (doctor, _args, ctx) => {
    const clinic = await ctx.loaders.clinicById.load(doctor.clinicId);
    if (!clinic) throw new Error(`doctor ${doctor.id} points at missing clinic ${doctor.clinicId}`);
    return clinic;
  },
  services: (doctor, _args, ctx) => ctx.loaders.servicesOfDoctor.load(doctor.id),
  servicePrices: (doctor, _args, ctx) => ctx.loaders.servicePricesOfDoctor.load(doctor.id),
};
