import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { findServices } from '../../use-cases/find-services.ts';

export const services: NonNullable<QueryResolvers['services']> = (_parent, args, ctx) => findServices(ctx, args);
