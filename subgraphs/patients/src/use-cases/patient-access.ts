/** What the use cases share to decide who sees what of a patient, and to audit record reads: not a use case itself. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { forbidden, requireViewer, type Viewer } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import { NO_CARE } from '../domain/care-relation.ts';
import { mayReadProfile, mayWriteRecord, needsCareRelation, type Subject } from '../domain/phi-policy.ts';
import { auditRecordAccess } from '../repository/access-audit.ts';

export async function subjectOf(ctx: PatientsContext, viewer: Viewer, patientId: string): Promise<Subject> {
  return { patientId, care: needsCareRelation(viewer) ? await ctx.loaders.careOfViewer.load(patientId) : NO_CARE };
}

export async function mayViewProfile(ctx: PatientsContext, viewer: Viewer | null, patientId: string): Promise<boolean> {
  return viewer ? mayReadProfile(viewer, await subjectOf(ctx, viewer, patientId)).allowed : false;
}

export const PATIENT_FORBIDDEN = 'You are not allowed to see this patient.';

/** The doctor who may change this patient's record (its author from now on), or FORBIDDEN. */
export async function requireRecordWrite(ctx: PatientsContext, patientId: string): Promise<Viewer> {
  const viewer = requireViewer(ctx.auth);
  if (!mayWriteRecord(viewer, await subjectOf(ctx, viewer, patientId)).allowed) {
    throw forbidden('Only a doctor who treats this patient may change their record.');
  }
  return viewer;
}

export function auditRecordRead(
  ctx: PatientsContext,
  access: { viewer: Viewer | null; patientId: string; fields: string[]; allowed: boolean; reason: string | null },
): Promise<void> {
  return auditRecordAccess(ctx.db, { ...access, clientIp: ctx.clientIp, clientRequestId: ctx.clientRequestId });
}

/** The record's parts the query selects (history, allergies, ...), through fragments too: what a read of it is audited as. */
export function selectedFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  names.delete('__typename');
  return [...names].sort();
}

/** The record parts asked for under `medicalRecord` in this selection (an entity reference's), or null if none. */
export function recordFieldsUnder(info: GraphQLResolveInfo): string[] | null {
  let found: string[] | null = null;
  const walk = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD && selection.name.value === 'medicalRecord') {
        found = [...(found ?? []), ...(selection.selectionSet?.selections ?? []).flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []))];
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) walk(info.fragments[selection.name.value]?.selectionSet);
      else if ('selectionSet' in selection) walk(selection.selectionSet);
    }
  };
  for (const node of info.fieldNodes) walk(node.selectionSet);
  return found;
}
