import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { updateRecordEntry } from '../../use-cases/update-record-entry.ts';

export const updateAllergy: NonNullable<MutationResolvers['updateAllergy']> = (_p, args, ctx) => updateRecordEntry(ctx, { kind: 'allergies', ...args });
