import { notFound } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const clinic: NonNullable<QueryResolvers['clinic']> = async (_parent, { id }, ctx) => {
  const row = await ctx.loaders.clinicById.load(id);
  if (!row) throw notFound('Clinic', id);
  return row;
};
