import type { AvailabilityResolvers } from '../../generated/resolvers-types.ts';

export const Availability: AvailabilityResolvers = {
  timeOff: (availability, _args, ctx) => ctx.loaders.timeOffOfDoctor.load(availability.doctorId),
};
