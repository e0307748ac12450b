import { notFound } from '@medappt/platform';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const service: NonNullable<QueryResolvers['service']> = async (_parent, { id }, ctx) => {
  const row = await ctx.loaders.serviceById.load(id);
  if (!row) throw notFound('Medical service', id);
  return row;
};
