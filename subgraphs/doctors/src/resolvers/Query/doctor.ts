import { notFound } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const doctor: NonNullable<QueryResolvers['doctor']> = async (_parent, { id }, ctx) => {
  const row = await ctx.loaders.doctorById.load(id);
  if (!row) throw notFound('Doctor', id);
  return row;
};
