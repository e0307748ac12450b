import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { addRecordEntry } from '../../use-cases/add-record-entry.ts';

export const addMedication: NonNullable<MutationResolvers['addMedication']> = (_p, args, ctx) => addRecordEntry(ctx, { kind: 'medications', ...args });
