import type { MutationResolvers } from '../../generated/resolvers-types.ts';
import { addEntry, changeEntry } from '../../record-entries.ts';

export const addHistoryEntry: NonNullable<MutationResolvers['addHistoryEntry']> = (_p, { patientId, input }, ctx) =>
  addEntry(ctx, 'history', patientId, { note: input.note, occurredOn: input.occurredOn ?? null });
export const updateHistoryEntry: NonNullable<MutationResolvers['updateHistoryEntry']> = (_p, { id, input }, ctx) =>
  changeEntry(ctx, 'history', id, { note: input.note, occurredOn: input.occurredOn ?? null });

export const addAllergy: NonNullable<MutationResolvers['addAllergy']> = (_p, { patientId, input }, ctx) =>
  addEntry(ctx, 'allergies', patientId, { substance: input.substance, reaction: input.reaction ?? null, severity: input.severity });
export const updateAllergy: NonNullable<MutationResolvers['updateAllergy']> = (_p, { id, input }, ctx) =>
  changeEntry(ctx, 'allergies', id, { substance: input.substance, reaction: input.reaction ?? null, severity: input.severity });

export const addMedication: NonNullable<MutationResolvers['addMedication']> = (_p, { patientId, input }, ctx) =>
  addEntry(ctx, 'medications', patientId, { name: input.name, dose: input.dose, since: input.since ?? null, until: input.until ?? null });
export const updateMedication: NonNullable<MutationResolvers['updateMedication']> = (_p, { id, input }, ctx) =>
  changeEntry(ctx, 'medications', id, { name: input.name, dose: input.dose, since: input.since ?? null, until: input.until ?? null });
