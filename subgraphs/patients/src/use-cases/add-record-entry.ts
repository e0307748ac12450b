import { rejectProblems } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import { dayOf } from '../domain/profile-rules.ts';
import { insertEntry, type RecordKind, type RecordRow } from '../repository/records.ts';
import { requireRecordWrite } from './patient-access.ts';
import { recordEntryKinds, type RecordEntryInputs } from './record-entry-kinds.ts';

/** A doctor treating the patient adds an entry (history, allergy, medication); the doctor is its author. */
export async function addRecordEntry<K extends RecordKind>(
  ctx: PatientsContext,
  args: { kind: K; patientId: string; input: RecordEntryInputs[K] },
): Promise<RecordRow<K>> {
  const { patientId, input } = args;
  const author = await requireRecordWrite(ctx, patientId);
  const kind = recordEntryKinds[args.kind];
  rejectProblems(kind.problems(input, dayOf(ctx.now())), 'input');
  return insertEntry(ctx.db, args.kind, { patientId, authorId: author.userId, values: kind.values(input) });
}
