import type { StatusChangeResolvers } from '../../generated/resolvers-types.ts';

export const StatusChange: StatusChangeResolvers = {
  from: (c) => c.fromStatus,
  to: (c) => c.toStatus,
  start: (c) => c.startAt,
};
