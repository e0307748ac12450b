import { forbidden, recordAdminAction, rejectProblems, requireViewer } from '@medappt/platform';
import type { PatientsContext } from '../context.ts';
import type { EmergencyContact } from '../db/schema.ts';
import { mayEditProfile } from '../domain/phi-policy.ts';
import { dayOf, profileProblems } from '../domain/profile-rules.ts';
import type { PatientProfileInput } from '../generated/resolvers-types.ts';
import { upsertPatient } from '../repository/patients.ts';
import type { PatientMapper } from '../schema.mappers.ts';

/** Patients save their own profile; staff anyone's (and that change goes to the admin log). */
export async function savePatientProfile(ctx: PatientsContext, input: PatientProfileInput): Promise<PatientMapper> {
  const viewer = requireViewer(ctx.auth);
  const patientId = input.patientId ?? (viewer.role === 'PATIENT' ? viewer.userId : '');
  rejectProblems(profileProblems({ ...input, patientId }, { today: dayOf(ctx.now()) }), 'input');
  if (!mayEditProfile(viewer, { patientId }).allowed) throw forbidden('Only the patient and clinic staff may change this profile.');

  const emergencyContact: EmergencyContact | null = input.emergencyContact
    ? {
        name: input.emergencyContact.name.trim(),
        relationship: input.emergencyContact.relationship?.trim() || null,
        phone: input.emergencyContact.phone.trim(),
      }
    : null;
  const profile = {
    id: patientId,
    name: input.name.trim(),
    dateOfBirth: input.dateOfBirth ?? null,
    sex: input.sex ?? 'UNKNOWN',
    phone: input.phone?.trim() || null,
    email: input.email?.trim().toLowerCase() || null,
    emergencyContact,
  };
  return ctx.db.transaction(async (tx) => {
    const { row, created } = await upsertPatient(tx, profile);
    if (viewer.role !== 'PATIENT') {
      const { id: _id, ...changes } = profile;
      await recordAdminAction(tx, viewer, { action: created ? 'patient.create' : 'patient.update', entityType: 'Patient', entityId: patientId, changes });
    }
    return row;
  });
}
