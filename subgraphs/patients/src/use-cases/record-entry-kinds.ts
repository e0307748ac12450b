/** What adding and correcting a record entry need to know of its kind: not a use case itself. */
import type { Problem } from '@medappt/platform';
import { allergyProblems, historyEntryProblems, medicationProblems } from '../domain/record-entry-rules.ts';
import type { AllergyInput, HistoryEntryInput, MedicationInput } from '../generated/resolvers-types.ts';
import type { RecordKind, RecordValues } from '../repository/records.ts';

export interface RecordEntryInputs {
  history: HistoryEntryInput;
  allergies: AllergyInput;
  medications: MedicationInput;
}

interface RecordEntryKind<K extends RecordKind> {
  /** How a NOT_FOUND names it. */
  label: string;
  problems(input: RecordEntryInputs[K], today: string): Problem[];
  /** What is stored: a part left out is stored as none (a correction clears it). */
  values(input: RecordEntryInputs[K]): RecordValues<K>;
}

export const recordEntryKinds: { [K in RecordKind]: RecordEntryKind<K> } = {
  history: {
    label: 'History entry',
    problems: (input, today) => historyEntryProblems(input, { today }),
    values: (input) => ({ note: input.note, occurredOn: input.occurredOn ?? null }),
  },
  allergies: {
    label: 'Allergy',
    problems: (input) => allergyProblems(input),
    values: (input) => ({ substance: input.substance, reaction: input.reaction ?? null, severity: input.severity }),
  },
  medications: {
    label: 'Medication',
    problems: (input) => medicationProblems(input),
    values: (input) => ({ name: input.name, dose: input.dose, since: input.since ?? null, until: input.until ?? null }),
  },
};
