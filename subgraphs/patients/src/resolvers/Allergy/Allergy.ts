import type { AllergyResolvers } from '../../generated/resolvers-types.ts';

export const Allergy: AllergyResolvers = {
  author: (entry) => ({ id: entry.authorId }),
};
