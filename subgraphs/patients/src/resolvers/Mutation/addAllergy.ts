import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { addRecordEntry } from '../../use-cases/add-record-entry.ts';

export const addAllergy: NonNullable<MutationResolvers['addAllergy']> = (_p, args, ctx) => addRecordEntry(ctx, { kind: 'allergies', ...args });
