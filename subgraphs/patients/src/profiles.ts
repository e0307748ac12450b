import { badUserInput, forbidden, isUuid, recordAdminAction, requireViewer } from '@medappt/platform';
import type { PatientsContext } from './context.ts';
import type { EmergencyContact, PatientRow } from './db/schema.ts';
import { mayEditProfile } from './domain/phi-policy.ts';
import { dateProblem, emailProblem, optionalText, phoneProblem, requiredText } from './domain/profile-rules.ts';
import { upsertPatient } from './repository/patients.ts';

export interface ProfileInput {
  patientId?: string | null;
  name: string;
  dateOfBirth?: string | null;
  sex?: PatientRow['sex'] | null;
  phone?: string | null;
  email?: string | null;
  emergencyContact?: { name: string; relationship?: string | null; phone: string } | null;
}

function validate(input: ProfileInput): void {
  const checks: [string, string | null][] = [
    ['input.patientId', input.patientId && !isUuid(input.patientId) ? 'must be a user id (UUID)' : null],
    ['input.name', requiredText(input.name, 200)],
    ['input.dateOfBirth', dateProblem(input.dateOfBirth, { notFuture: true })],
    ['input.phone', phoneProblem(input.phone)],
    ['input.email', emailProblem(input.email)],
    ['input.emergencyContact.name', input.emergencyContact ? requiredText(input.emergencyContact.name, 200) : null],
    ['input.emergencyContact.relationship', optionalText(input.emergencyContact?.relationship, 100)],
    ['input.emergencyContact.phone', input.emergencyContact ? requiredText(input.emergencyContact.phone, 30, 'phone') ?? phoneProblem(input.emergencyContact.phone) : null],
  ];
  for (const [field, problem] of checks) if (problem) throw badUserInput(field, problem);
}

/** Patients save their own profile; staff anyone's (and that change goes to the admin log). */
export async function savePatientProfile(ctx: PatientsContext, input: ProfileInput): Promise<PatientRow> {
  const viewer = requireViewer(ctx.auth);
  const patientId = input.patientId ?? (viewer.role === 'PATIENT' ? viewer.userId : null);
  if (!patientId) throw badUserInput('input.patientId', 'is required when staff save a profile');
  validate(input);
  if (!mayEditProfile(viewer, { patientId }).allowed) throw forbidden('Only the patient and clinic staff may change this profile.');

  const emergencyContact: EmergencyContact | null = input.emergencyContact
    ? { name: input.emergencyContact.name.trim(), relationship: input.emergencyContact.relationship?.trim() || null, phone: input.emergencyContact.phone.trim() }
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
