import type { ClinicResolvers } from '../../generated/resolvers-types.ts';

export const Clinic: ClinicResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.clinicById.load(reference.id),
  prices: (clinic, _args, ctx) => ctx.loaders.pricesOfClinic.load(clinic.id),
};
