import type { DoctorResolvers } from '../../generated/resolvers-types.ts';
import { ratingView } from '../../domain/rating-aggregate.ts';
import { listDoctorReviews } from '../../use-cases/list-doctor-reviews.ts';

export const Doctor: DoctorResolvers = {
  __resolveReference: (reference) => ({ id: reference.id }),
  rating: async (doctor, _args, ctx) => ratingView(await ctx.loaders.ratingOfDoctor.load(doctor.id)),
  reviews: (doctor, args, ctx) => listDoctorReviews(ctx, doctor.id, args),
};
