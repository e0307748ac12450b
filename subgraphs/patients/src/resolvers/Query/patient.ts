import { requireViewer } from '@medappt/platform';
import { requireProfile } from '../../access.ts';
import type { QueryResolvers } from '../../generated/resolvers-types.ts';

export const patient: NonNullable<QueryResolvers['patient']> = (_p, { id }, ctx) => requireProfile(ctx, id);

export const myPatientProfile: NonNullable<QueryResolvers['myPatientProfile']> = (_p, _args, ctx) =>
  ctx.loaders.patientById.load(requireViewer(ctx.auth).userId);
