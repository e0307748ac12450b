import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { addRecordEntry } from '../../use-cases/add-record-entry.ts';

export const addHistoryEntry: NonNullable<MutationResolvers['addHistoryEntry']> = (_p, args, ctx) => addRecordEntry(ctx, { kind: 'history', ...args });
