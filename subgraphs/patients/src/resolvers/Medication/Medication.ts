import type { MedicationResolvers } from '../../generated/resolvers-types.ts';

export const Medication: MedicationResolvers = {
  author: (entry) => ({ id: entry.authorId }),
};
