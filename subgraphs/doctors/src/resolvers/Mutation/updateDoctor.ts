import { requireRole } from '@medappt/platform';
import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateDoctor as update } from '../../profiles.ts';

// DOCTOR too: profiles.updateDoctor limits them to their own profile and a few fields.
export const updateDoctor: NonNullable<MutationResolvers['updateDoctor']> = (_parent, { id, input }, ctx) =>
  update(ctx.db, requireRole(ctx.auth, 'ADMIN', 'STAFF', 'DOCTOR'), id, input);
