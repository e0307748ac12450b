import type { QueryResolvers } from '../../generated/resolvers-types.ts';
import { readRecordAccessLog } from '../../use-cases/read-record-access-log.ts';

export const recordAccessLog: NonNullable<QueryResolvers['recordAccessLog']> = (_p, args, ctx) => readRecordAccessLog(ctx, args);
