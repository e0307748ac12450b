import { notFound } from '@medappt/platform';
import type { MedicalServiceResolvers } from '../../generated/resolvers-types.ts';

export const MedicalService: MedicalServiceResolvers = {
  __resolveReference: (reference, ctx) => ctx.loaders.serviceById.load(reference.id),
  price: (service) => ({ amountCents: service.priceCents, currency: service.currency }),
  doctors: (service, _args, ctx) => ctx.loaders.doctorsOfService.load(service.id),
  priceAt: async (service, { clinicId }, ctx) => {
    const price = await ctx.loaders.priceAt.load({ service, clinicId });
    if (price === undefined) throw notFound('Clinic', clinicId);
    return price;
  },
};
