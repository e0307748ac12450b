import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateRecordEntry } from '../../use-cases/update-record-entry.ts';

export const updateMedication: NonNullable<MutationResolvers['updateMedication']> = (_p, args, ctx) => updateRecordEntry(ctx, { kind: 'medications', ...args });
