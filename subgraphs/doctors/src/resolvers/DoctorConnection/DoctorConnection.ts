import type { DoctorConnectionResolvers } from '../../generated/resolvers-types.ts';

export const DoctorConnection: DoctorConnectionResolvers = {
  totalCount: (page) => page.totalCount(),
};
