import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { readPatientsAdminLog } from '../../use-cases/read-patients-admin-log.ts';

export const patientsAdminLog: NonNullable<QueryResolvers['patientsAdminLog']> = (_p, args, ctx) => readPatientsAdminLog(ctx, args);
