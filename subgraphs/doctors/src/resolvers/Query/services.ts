import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { listMedicalServices } from '../../repository/medical-services.ts';

export const services: NonNullable<QueryResolvers['services']> = (_parent, args, ctx) =>
  listMedicalServices(ctx.db, { kind: args.kind ?? null, includeInactive: args.includeInactive ?? false });
