import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateRecordEntry } from '../../use-cases/update-record-entry.ts';

export const updateHistoryEntry: NonNullable<MutationResolvers['updateHistoryEntry']> = (_p, args, ctx) => updateRecordEntry(ctx, { kind: 'history', ...args });
