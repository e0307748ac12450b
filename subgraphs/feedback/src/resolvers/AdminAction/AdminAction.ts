import type { AdminActionResolvers } from '../../generated/resolvers-types.ts';

export const AdminAction: AdminActionResolvers = {
  // A string of JSON, as the other subgraphs' AdminAction has it: @shareable fields must agree in type.
  changes: (action) => JSON.stringify(action.changes),
};
