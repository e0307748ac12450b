import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { forbidden, isUuid, requireViewer, unauthenticated, type Viewer } from '@medappt/platform';
import type { PatientsContext } from './context.ts';
import type { PatientRow } from './db/schema.ts';
import { NO_CARE } from './domain/care-relation.ts';
import { mayReadProfile, mayReadProfileDetails, mayReadRecord, mayWriteRecord, needsCareRelation, type Subject } from './domain/phi-policy.ts';
import { auditRecordAccess } from './repository/access-audit.ts';

/** The same words for every refusal: whether the patient exists is not for an outsider to learn. */
const RECORD_FORBIDDEN = 'You are not allowed to read this medical record.';

async function subject(ctx: PatientsContext, viewer: Viewer, patientId: string): Promise<Subject> {
  return { patientId, care: needsCareRelation(viewer) ? await ctx.loaders.careOfViewer.load(patientId) : NO_CARE };
}

/** The profile if the viewer may see it, else null (how entity references from other subgraphs resolve). */
export async function visibleProfile(ctx: PatientsContext, patientId: string): Promise<PatientRow | null> {
  const viewer = ctx.auth.viewer;
  if (!viewer) return null;
  if (!mayReadProfile(viewer, await subject(ctx, viewer, patientId)).allowed) return null;
  return ctx.loaders.patientById.load(patientId);
}

/**
 * A `Patient` another subgraph refers to (an appointment's patient): the profile, or an error
 * at that place when the viewer may not see it. A bare null would leave the gateway with the
 * reference alone and no name, which it reports only as a silent "value completion" null.
 */
export async function referencedProfile(ctx: PatientsContext, patientId: string, info: GraphQLResolveInfo): Promise<PatientRow | null> {
  const viewer = ctx.auth.viewer;
  const allowed = viewer ? mayReadProfile(viewer, await subject(ctx, viewer, patientId)).allowed : false;
  if (allowed) return ctx.loaders.patientById.load(patientId);
  // The refusal comes before the record's own resolver: a record asked for through it is audited here.
  const recordFields = recordFieldsUnder(info);
  if (recordFields) await audit(ctx, { viewer, patientId, fields: recordFields, allowed: false, reason: viewer ? 'may not see this patient' : 'no valid access token' });
  if (!viewer) throw unauthenticated(ctx.auth.problem);
  throw forbidden('You are not allowed to see this patient.');
}

/** The record parts asked for under `medicalRecord` in this selection (an entity reference's), or null if none. */
function recordFieldsUnder(info: GraphQLResolveInfo): string[] | null {
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

/** The profile for a direct query: UNAUTHENTICATED/FORBIDDEN errors, null when there is none. */
export async function requireProfile(ctx: PatientsContext, patientId: string): Promise<PatientRow | null> {
  const viewer = requireViewer(ctx.auth);
  if (!mayReadProfile(viewer, await subject(ctx, viewer, patientId)).allowed) throw forbidden('You are not allowed to see this patient.');
  return ctx.loaders.patientById.load(patientId);
}

/** A profile field beyond id and name, or null for a viewer who may see only who the patient is (ADMIN). */
export async function profileDetail<T>(ctx: PatientsContext, patient: PatientRow, value: T): Promise<T | null> {
  const viewer = ctx.auth.viewer;
  if (!viewer || !mayReadProfileDetails(viewer, await subject(ctx, viewer, patient.id)).allowed) return null;
  return value;
}

/**
 * Opens a medical record for reading: decides, then writes the audit row (allowed or not)
 * before any PHI is returned.
 */
export async function openMedicalRecord(ctx: PatientsContext, patientId: string, info: GraphQLResolveInfo): Promise<{ patientId: string }> {
  const fields = selectedFields(info);
  const viewer = ctx.auth.viewer;
  if (!viewer) {
    // Anonymous attempts are audited too: someone probing records without a token is news.
    if (isUuid(patientId)) await audit(ctx, { viewer: null, patientId, fields, allowed: false, reason: 'no valid access token' });
    throw unauthenticated(ctx.auth.problem);
  }
  const decision = mayReadRecord(viewer, await subject(ctx, viewer, patientId));
  await audit(ctx, { viewer, patientId, fields, allowed: decision.allowed, reason: decision.allowed ? null : decision.reason });
  if (!decision.allowed) {
    ctx.logger.warn({ patientId, viewerId: viewer.userId, reason: decision.reason }, 'medical record read refused');
    throw forbidden(RECORD_FORBIDDEN);
  }
  return { patientId };
}

export async function requireRecordWrite(ctx: PatientsContext, patientId: string): Promise<Viewer> {
  const viewer = requireViewer(ctx.auth);
  if (!mayWriteRecord(viewer, await subject(ctx, viewer, patientId)).allowed) {
    throw forbidden('Only a doctor who treats this patient may change their record.');
  }
  return viewer;
}

function audit(ctx: PatientsContext, access: { viewer: Viewer | null; patientId: string; fields: string[]; allowed: boolean; reason: string | null }): Promise<void> {
  return auditRecordAccess(ctx.db, { ...access, clientIp: ctx.clientIp, clientRequestId: ctx.clientRequestId });
}

/** The record's parts the query selects (history, allergies, ...), through fragments too. */
function selectedFields(info: GraphQLResolveInfo): string[] {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === 'Field') names.add(selection.name.value);
      else if (selection.kind === 'InlineFragment') visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  for (const node of info.fieldNodes) visit(node.selectionSet);
  names.delete('__typename');
  return [...names].sort();
}
