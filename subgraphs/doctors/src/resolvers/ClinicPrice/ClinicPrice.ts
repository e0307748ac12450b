import type { ClinicPriceResolvers } from '../../generated/resolvers-types.ts';

export const ClinicPrice: ClinicPriceResolvers = {
  clinic: async (entry, _args, ctx) => {
    const clinic = await ctx.loaders.clinicById.load(entry.clinicId);
    if (!clinic) throw new Error(`price list entry points at missing clinic ${entry.clinicId}`);
    return clinic;
  },
  service: async (entry, _args, ctx) => {
    const service = await ctx.loaders.serviceById.load(entry.serviceId);
    if (!service) throw new Error(`price list entry points at missing service ${entry.serviceId}`);
    return service;
  },
  price: (entry) => ({ amountCents: entry.priceCents, currency: entry.currency }),
};
