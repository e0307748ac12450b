import { badUserInput, notFound } from '@medappt/platform';
import { requireRecordWrite } from './access.ts';
import type { PatientsContext } from './context.ts';
import { dateProblem, optionalText, periodProblem, requiredText } from './domain/profile-rules.ts';
import { findEntry, insertEntry, updateEntry, type RecordKind, type RecordRow, type RecordValues } from './repository/records.ts';

type Problems = [field: string, problem: string | null][];

// Entries are stored as the doctor typed them, so they are checked untrimmed.
const asTyped = { trim: false };

/** Input rules per kind of record entry, as (field, problem) pairs. */
const rules: { [K in RecordKind]: (values: RecordValues<K>) => Problems } = {
  history: (v) => [
    ['input.note', requiredText(v.note, 5000, 'text', asTyped)],
    ['input.occurredOn', dateProblem(v.occurredOn, { notFuture: true })],
  ],
  allergies: (v) => [
    ['input.substance', requiredText(v.substance, 200, 'name', asTyped)],
    ['input.reaction', optionalText(v.reaction, 500, 'text', asTyped)],
  ],
  medications: (v) => [
    ['input.name', requiredText(v.name, 200, 'name', asTyped)],
    ['input.dose', requiredText(v.dose, 200, 'name', asTyped)],
    ['input.since', dateProblem(v.since)],
    ['input.until', dateProblem(v.until) ?? periodProblem(v.since, v.until)],
  ],
};

const labels: Record<RecordKind, string> = { history: 'History entry', allergies: 'Allergy', medications: 'Medication' };

function validate<K extends RecordKind>(kind: K, values: RecordValues<K>): void {
  for (const [field, problem] of rules[kind](values)) if (problem) throw badUserInput(field, problem);
}

/** A doctor treating the patient adds an entry; the doctor is its author. */
export async function addEntry<K extends RecordKind>(ctx: PatientsContext, kind: K, patientId: string, values: RecordValues<K>): Promise<RecordRow<K>> {
  const viewer = await requireRecordWrite(ctx, patientId);
  validate(kind, values);
  return insertEntry(ctx.db, kind, { patientId, authorId: viewer.userId, values });
}

/** Corrects an entry; the doctor who corrects it becomes its author. */
export async function changeEntry<K extends RecordKind>(ctx: PatientsContext, kind: K, id: string, values: RecordValues<K>): Promise<RecordRow<K>> {
  const existing = await findEntry(ctx.db, kind, id);
  if (!existing) throw notFound(labels[kind], id);
  const viewer = await requireRecordWrite(ctx, existing.patientId);
  validate(kind, values);
  return updateEntry(ctx.db, kind, { id, authorId: viewer.userId, values });
}
