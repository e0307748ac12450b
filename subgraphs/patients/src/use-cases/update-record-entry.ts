import { notFound, rejectProblems } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import { dayOf } from '../domain/profile-rules.ts';
import { findEntry, updateEntry, type RecordKind, type RecordRow } from '../repository/records.ts';
import { requireRecordWrite } from './patient-access.ts';
import { recordEntryKinds, type RecordEntryInputs } from './record-entry-kinds.ts';

/** Corrects an entry of a record; the doctor who corrects it becomes its author. */
export async function updateRecordEntry<K extends RecordKind>(
  ctx: PatientsContext,
  args: { kind: K; id: string; input: RecordEntryInputs[K] },
): Promise<RecordRow<K>> {
  const { id, input } = args;
  const kind = recordEntryKinds[args.kind];
  const existing = await findEntry(ctx.db, args.kind, id);
  if (!existing) throw notFound(kind.label, id);
  const author = await requireRecordWrite(ctx, existing.patientId);
  rejectProblems(kind.problems(input, dayOf(ctx.now())), 'input');
  return updateEntry(ctx.db, args.kind, { id, authorId: author.userId, values: kind.values(input) });
}
