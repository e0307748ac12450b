import type { AdminActionResolvers } from '../../generated/resolvers-types.ts';

export const AdminAction: AdminActionResolvers = {
  changes: (action) => JSON.stringify(action.changes),
};
